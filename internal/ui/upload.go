package ui

import (
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/blob"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Limits of what an operator attaches to one message.
const (
	maxFileSize  = 25 << 20
	maxFiles     = 10
	maxUploadReq = maxFiles*maxFileSize + 1<<20
)

// isMultipart reports whether r carries files.
func isMultipart(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "multipart/form-data"
}

// uploads stores the files posted under field and returns them ready to
// attach; a file over the limits is a validation error on that field.
func (u *UI) uploads(r *http.Request, field string) ([]ticket.NewAttachment, error) {
	if !isMultipart(r) {
		return nil, nil
	}
	if err := r.ParseMultipartForm(formMemory); err != nil {
		return nil, domain.Invalid(field, "could not be read; try a smaller file")
	}
	var files []*multipart.FileHeader
	for _, fh := range r.MultipartForm.File[field] {
		if fh.Filename != "" || fh.Size > 0 {
			files = append(files, fh)
		}
	}
	if len(files) > maxFiles {
		return nil, domain.Invalid(field, fmt.Sprintf("You can attach at most %d files to one message.", maxFiles))
	}
	out := make([]ticket.NewAttachment, 0, len(files))
	for _, fh := range files {
		a, err := u.store(fh, field)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func (u *UI) store(fh *multipart.FileHeader, field string) (ticket.NewAttachment, error) {
	f, err := fh.Open()
	if err != nil {
		return ticket.NewAttachment{}, err
	}
	defer f.Close()
	ref, err := u.s.Blobs.Put(f, maxFileSize)
	if errors.Is(err, blob.ErrTooLarge) {
		return ticket.NewAttachment{}, domain.Invalid(field,
			fmt.Sprintf("%s is larger than %d MB, the limit for one file.", ticket.CleanFilename(fh.Filename), maxFileSize>>20))
	}
	if err != nil {
		return ticket.NewAttachment{}, err
	}
	ct, _, _ := mime.ParseMediaType(fh.Header.Get("Content-Type"))
	return ticket.NewAttachment{SHA256: ref.SHA256, Size: ref.Size, Filename: fh.Filename,
		ContentType: strings.ToLower(ct)}, nil
}
