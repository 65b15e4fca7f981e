package portal

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"strings"

	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Upload limits: each file, and the whole post with every file in it.
const (
	maxFile     = 10 << 20
	maxFormPost = 3*maxFile + 1<<20
)

// allowedTypes are the files a customer may attach: documents, images,
// text and archives of office formats. Executables and scripts are not
// among them, whatever they are renamed to (see refuseContent).
var allowedTypes = map[string]string{
	".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".webp": "image/webp", ".heic": "image/heic", ".txt": "text/plain", ".csv": "text/csv",
	".log": "text/plain", ".md": "text/markdown", ".rtf": "application/rtf",
	".doc": "application/msword", ".xls": "application/vnd.ms-excel", ".ppt": "application/vnd.ms-powerpoint",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".odt":  "application/vnd.oasis.opendocument.text", ".ods": "application/vnd.oasis.opendocument.spreadsheet",
	".eml": "message/rfc822",
}

// acceptList is the file input's accept attribute: a hint to the
// browser; the server decides.
const acceptList = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.heic,.txt,.csv,.log,.md,.rtf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.eml"

// upload is a file a customer sent, read and checked.
type upload struct {
	field string
	name  string
	ctype string
	body  []byte
}

// readFiles reads the file of each visible file field; a bad file is a
// message for its field.
func readFiles(mf *multipart.Form, names []string) ([]upload, map[string]string) {
	var out []upload
	errs := map[string]string{}
	for _, name := range names {
		if mf == nil || len(mf.File[name]) == 0 {
			continue
		}
		u, msg := readFile(name, mf.File[name][0])
		if msg != "" {
			errs[name] = msg
			continue
		}
		out = append(out, u)
	}
	return out, errs
}

func readFile(field string, fh *multipart.FileHeader) (upload, string) {
	name := ticket.CleanFilename(fh.Filename)
	ctype, ok := allowedTypes[strings.ToLower(path.Ext(name))]
	if !ok {
		return upload{}, "Please attach a document, an image or a text file (PDF, PNG, JPEG, Word, Excel, text…)."
	}
	if fh.Size > maxFile {
		return upload{}, fmt.Sprintf("This file is too large: at most %d MB.", maxFile>>20)
	}
	f, err := fh.Open()
	if err != nil {
		return upload{}, "This file could not be read. Please try again."
	}
	defer f.Close()
	body, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil || len(body) > maxFile {
		return upload{}, fmt.Sprintf("This file is too large: at most %d MB.", maxFile>>20)
	}
	if refuseContent(body) {
		return upload{}, "This file looks like a program, which we cannot accept."
	}
	return upload{field: field, name: name, ctype: ctype, body: body}, ""
}

// refuseContent spots programs by their first bytes, whatever their name:
// Windows and Linux executables, Mach-O binaries and scripts.
func refuseContent(b []byte) bool {
	for _, magic := range [][]byte{[]byte("MZ"), []byte("\x7fELF"), []byte("#!"), {0xCF, 0xFA, 0xED, 0xFE},
		{0xCE, 0xFA, 0xED, 0xFE}, {0xCA, 0xFE, 0xBA, 0xBE}} {
		if bytes.HasPrefix(b, magic) {
			return true
		}
	}
	sniffed, _, _ := mime.ParseMediaType(http.DetectContentType(b))
	return sniffed == "text/html" // a page that would run in our origin if ever served inline
}

// fileAnswers names the file sent for each file field, so a required
// file field counts as answered.
func fileAnswers(mf *multipart.Form, fields []form.Field, a form.Answers) {
	for _, fl := range fields {
		if fl.Type != form.File {
			continue
		}
		delete(a, fl.Name)
		if mf != nil && len(mf.File[fl.Name]) > 0 && mf.File[fl.Name][0].Filename != "" {
			a[fl.Name] = mf.File[fl.Name][0].Filename
		}
	}
}
