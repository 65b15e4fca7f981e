package portal

import (
	"errors"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/blob"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketComment adds the customer's comment, with its files, as a message
// from the ticket's contact; on a closed ticket that reopens it. A bad
// comment shows the page again with what was typed.
func (p *Portal) ticketComment(w http.ResponseWriter, r *http.Request, t ticket.Ticket) error {
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	body := r.PostFormValue("body")
	files, err := p.storeFiles(r)
	if err == nil {
		_, err = p.s.Tickets.AddMessage(r.Context(), t.ID, ticket.NewMessage{Kind: ticket.Customer,
			Body: body, ContactID: t.Contact.ID, Attachments: files})
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return p.commentAgain(w, r, t, body, commentError(ve))
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/t/"+t.PublicToken+"?done=comment#thread-end", http.StatusSeeOther)
	return nil
}

func commentError(ve *domain.ValidationError) string {
	if msg, ok := ve.Fields["files"]; ok {
		return msg
	}
	if strings.Contains(ve.Fields["body"], "required") {
		return "Write a comment or attach a file."
	}
	if strings.Contains(ve.Fields["body"], "control character") {
		return "The comment holds a character that cannot be stored, such as NUL or an escape. Remove it and send again."
	}
	for field := range ve.Fields {
		if strings.HasPrefix(field, "files[") {
			return "A file name holds a character that cannot be stored. Rename the file and attach it again."
		}
	}
	return "The comment is too long. Shorten it, or send the rest in a second comment."
}

// commentAgain shows the page with the form refilled and its error.
func (p *Portal) commentAgain(w http.ResponseWriter, r *http.Request, t ticket.Ticket, body, msg string) error {
	v, err := p.ticketView(w, r, t)
	if err != nil {
		return err
	}
	v.Comment = CommentForm{Body: body, Error: msg}
	return p.pages.page(w, http.StatusUnprocessableEntity, "portal_ticket.html", v)
}

// storeFiles checks the attached files against the limits and puts them in
// the blob store. An empty file input sends a part without a name: skipped.
func (p *Portal) storeFiles(r *http.Request) ([]ticket.NewAttachment, error) {
	var parts []*multipart.FileHeader
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["files"] {
			if fh.Filename != "" || fh.Size > 0 {
				parts = append(parts, fh)
			}
		}
	}
	if len(parts) > MaxFiles {
		return nil, domain.Invalid("files", fmt.Sprintf("Attach at most %d files to one comment.", MaxFiles))
	}
	out := make([]ticket.NewAttachment, 0, len(parts))
	for _, fh := range parts {
		a, err := p.storeFile(fh)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func (p *Portal) storeFile(fh *multipart.FileHeader) (ticket.NewAttachment, error) {
	name := ticket.CleanFilename(fh.Filename)
	tooBig := domain.Invalid("files", fmt.Sprintf("%q is larger than %s.", name, size(MaxFileSize)))
	if fh.Size > MaxFileSize {
		return ticket.NewAttachment{}, tooBig
	}
	f, err := fh.Open()
	if err != nil {
		return ticket.NewAttachment{}, err
	}
	defer f.Close()
	ref, err := p.s.Blobs.Put(f, MaxFileSize)
	if errors.Is(err, blob.ErrTooLarge) {
		return ticket.NewAttachment{}, tooBig
	}
	return ticket.NewAttachment{SHA256: ref.SHA256, Size: ref.Size, Filename: name,
		ContentType: fh.Header.Get("Content-Type")}, err
}
