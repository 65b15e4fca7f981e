package portal

import (
	"errors"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketComment adds the customer's comment, with its files, as a message
// from the ticket's contact; on a closed ticket that reopens it. A bad
// comment shows the page again with what was typed.
func (p *Portal) ticketComment(w http.ResponseWriter, r *http.Request, t ticket.Ticket) error {
	body := r.PostFormValue("body")
	if !p.allowComment(w, r, t.ID) {
		return p.commentAgain(w, r, t, http.StatusTooManyRequests, body, commentsTooMany)
	}
	files, err := p.storeFiles(r)
	if err == nil {
		_, err = p.s.Tickets.AddMessage(r.Context(), t.ID, ticket.NewMessage{Kind: ticket.Customer,
			Body: body, ContactID: t.Contact.ID, Attachments: files})
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		p.refundComment(r, t.ID)
		return p.commentAgain(w, r, t, http.StatusUnprocessableEntity, body, commentError(ve))
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
func (p *Portal) commentAgain(w http.ResponseWriter, r *http.Request, t ticket.Ticket, status int, body, msg string) error {
	v, err := p.ticketView(w, r, t)
	if err != nil {
		return err
	}
	v.Comment = CommentForm{Body: body, Error: msg}
	return p.pages.page(w, status, "portal_ticket.html", v)
}

// storeFiles checks the attached files against the customers' upload
// policy and puts them in the blob store; a refused file refuses the
// comment, which is shown again with the reason.
func (p *Portal) storeFiles(r *http.Request) ([]ticket.NewAttachment, error) {
	files, errs := customerFiles.Form(r.MultipartForm, "files")
	if len(errs) > 0 {
		return nil, &domain.ValidationError{Fields: errs}
	}
	return customerFiles.Store(p.s.Blobs, files)
}
