package outbound

import (
	"encoding/base64"
	"mime"
	"mime/multipart"
	"net/textproto"
)

// writeFile adds f as a base64 part, its name encoded per RFC 2231 when
// it is not plain ASCII.
func writeFile(w *multipart.Writer, f File, open func(sha string) ([]byte, error)) error {
	data, err := open(f.SHA256)
	if err != nil {
		return err
	}
	disp := "attachment"
	if f.Inline && f.ContentID != "" {
		disp = "inline"
	}
	h := textproto.MIMEHeader{
		"Content-Type":              {mime.FormatMediaType(f.ContentType, map[string]string{"name": f.Filename})},
		"Content-Disposition":       {mime.FormatMediaType(disp, map[string]string{"filename": f.Filename})},
		"Content-Transfer-Encoding": {"base64"},
	}
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", "application/octet-stream")
	}
	if f.ContentID != "" {
		h.Set("Content-ID", "<"+oneLine(f.ContentID)+">")
	}
	pw, err := w.CreatePart(h)
	if err != nil {
		return err
	}
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 76 {
		if _, err := pw.Write([]byte(enc[:76] + "\r\n")); err != nil {
			return err
		}
		enc = enc[76:]
	}
	_, err = pw.Write([]byte(enc + "\r\n"))
	return err
}
