package parse

import (
	"mime"
	"path"
	"strconv"
	"strings"
)

// nameAttachments gives each attachment the sender left unnamed a name a
// person can open: the file name of its Content-ID ("image001.png" from
// <image001.png@01DA0B1C.5E6F7A80>), else a word for what it is with the
// extension of its type ("attachment.pdf", "message.eml"). Names given
// this way are numbered when taken ("attachment-2.pdf").
func nameAttachments(atts []Attachment) {
	taken := map[string]bool{}
	for _, a := range atts {
		taken[strings.ToLower(a.Filename)] = true
	}
	for i := range atts {
		if strings.TrimSpace(atts[i].Filename) != "" {
			continue
		}
		name := nameOf(atts[i])
		stem, ext := strings.TrimSuffix(name, path.Ext(name)), path.Ext(name)
		for n := 2; taken[strings.ToLower(name)]; n++ {
			name = stem + "-" + strconv.Itoa(n) + ext
		}
		taken[strings.ToLower(name)] = true
		atts[i].Filename = name
	}
}

func nameOf(a Attachment) string {
	if local, _, _ := strings.Cut(a.ContentID, "@"); isFileName(local) {
		return local
	}
	switch a.ContentType {
	case "message/rfc822", "message/global":
		return "message.eml"
	case "message/delivery-status", "message/global-delivery-status":
		return "delivery-status.txt"
	case "text/rfc822-headers", "message/global-headers":
		return "headers.txt"
	}
	return "attachment" + extensionOf(a.ContentType)
}

// isFileName accepts "image001.png": a short name with an extension, and
// nothing that would make a path.
func isFileName(s string) bool {
	ext := path.Ext(s)
	return len(s) <= 100 && len(ext) >= 2 && len(ext) <= 6 && len(ext) < len(s) &&
		!strings.ContainsAny(s, "/\\:*?\"<>| \t")
}

// commonExtensions are the usual extensions of common types, where the
// system's table would give a rare one first (".jpe" for image/jpeg).
var commonExtensions = map[string]string{
	"text/plain": ".txt", "text/html": ".html", "text/csv": ".csv", "text/calendar": ".ics",
	"text/enriched": ".txt", "text/richtext": ".rtf", "application/rtf": ".rtf",
	"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/tiff": ".tif",
	"image/webp": ".webp", "image/bmp": ".bmp", "image/svg+xml": ".svg",
	"application/pdf": ".pdf", "application/zip": ".zip", "application/gzip": ".gz",
	"application/msword": ".doc", "application/vnd.ms-excel": ".xls", "application/ms-tnef": ".dat",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document":   ".docx",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         ".xlsx",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
	"application/pgp-signature": ".asc", "application/pkcs7-signature": ".p7s",
	"application/x-pkcs7-signature": ".p7s", "audio/mpeg": ".mp3", "video/mp4": ".mp4",
}

func extensionOf(mediaType string) string {
	if ext, ok := commonExtensions[mediaType]; ok {
		return ext
	}
	if exts, _ := mime.ExtensionsByType(mediaType); len(exts) > 0 {
		return exts[0]
	}
	if strings.HasPrefix(mediaType, "text/") {
		return ".txt"
	}
	return ".bin"
}
