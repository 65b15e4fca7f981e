package ui

import (
	"mime"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/upload"
)

// operatorFiles is what an operator may attach to one message: larger
// and more files than a customer, through the same checks of each file
// (internal/upload), since what an operator attaches reaches customers.
var operatorFiles = upload.Policy{MaxSize: 25 << 20, MaxFiles: 10}

// chatFiles is what an operator may send in a chat: the widget's own
// limits (portal.MaxFileSize, portal.MaxFiles), so that files go both
// ways under one rule and the chat window never holds what it could not
// have sent.
var chatFiles = upload.Policy{MaxSize: 10 << 20, MaxFiles: 5}

// maxUploadReq bounds a post with every file in it.
const maxUploadReq = 10*(25<<20) + 1<<20

// isMultipart reports whether r carries files.
func isMultipart(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "multipart/form-data"
}

// uploads checks the files posted under field and stores them, ready to
// attach; a refused file refuses the message, with a message per file
// on that field.
func (u *UI) uploads(r *http.Request, field string) ([]ticket.NewAttachment, error) {
	return u.uploadsUnder(operatorFiles, r, field)
}

func (u *UI) uploadsUnder(policy upload.Policy, r *http.Request, field string) ([]ticket.NewAttachment, error) {
	if !isMultipart(r) {
		return nil, nil
	}
	if err := r.ParseMultipartForm(formMemory); err != nil {
		return nil, domain.Invalid(field, "could not be read; try a smaller file")
	}
	files, errs := policy.Form(r.MultipartForm, field)
	if len(errs) > 0 {
		return nil, &domain.ValidationError{Fields: errs}
	}
	return policy.Store(u.s.Blobs, files)
}
