package ui

import (
	"errors"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketMessage adds a public reply or an internal note, with files, and
// moves the ticket to the status chosen beside the send button, then goes
// back to the thread. A refused message keeps the page and what was
// typed (a browser cannot refill a file input, so files are chosen again).
func (u *UI) ticketMessage(w http.ResponseWriter, r *http.Request) error {
	id, err := u.ticketID(r)
	if err != nil {
		return err
	}
	sc, _ := fromContext(r.Context())
	// Anything but an explicit reply is a note: a slip must never mail
	// the customer.
	kind := ticket.Note
	if r.PostFormValue("kind") == string(ticket.Reply) {
		kind = ticket.Reply
	}
	body, then := r.PostFormValue("body"), strings.TrimSpace(r.PostFormValue("then"))
	files, err := u.uploads(r, "files")
	if err == nil {
		m := ticket.NewMessage{Kind: kind, Body: body, OperatorID: sc.operator.ID, Attachments: files}
		if then == "" {
			_, err = u.s.Tickets.AddMessage(r.Context(), id, m)
		} else { // "Send and close": one act, one mail
			_, err = u.s.Tickets.Respond(r.Context(), id, m, ticket.Patch{Status: &then, ActorID: sc.operator.ID})
		}
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v, lerr := u.workspace(r, id)
		if lerr != nil {
			return lerr
		}
		v.Composer.Kind, v.Composer.Body = string(kind), body
		chooseNext(v.Controls.Next, then)
		v.Composer.Error = fieldMessage(ve, "files", "body", "kind", "status")
		if _, bad := ve.Fields["status"]; bad {
			v.Composer.Error = "Nothing was sent: " + v.Composer.Error
		}
		if _, bad := ve.Fields["files"]; !bad && strings.TrimSpace(body) == "" {
			v.Composer.Error = "The message is empty. Write something before sending."
		}
		return u.render(w, r, http.StatusUnprocessableEntity, "ticket", "", v)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, ticketPath(r)+"#composer", http.StatusSeeOther)
	return nil
}

// fieldMessage is the first of fields that failed, as a sentence.
func fieldMessage(ve *domain.ValidationError, fields ...string) string {
	for _, f := range fields {
		if m, ok := ve.Fields[f]; ok {
			return sentence(f, m)
		}
	}
	return ve.Error()
}
