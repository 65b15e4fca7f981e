package ui

import (
	"errors"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketCreate opens a ticket on a customer's behalf: the contact is the
// one picked, or found or created from the typed email. The domain checks
// every field; its messages go next to them, with what was typed kept.
func (u *UI) ticketCreate(w http.ResponseWriter, r *http.Request) error {
	f := NewTicketForm{}
	for key, dst := range map[string]*string{"contact_id": &f.ContactID, "email": &f.Email, "first_name": &f.FirstName,
		"last_name": &f.LastName, "phone": &f.Phone, "team": &f.Team, "subject": &f.Subject,
		"description": &f.Description, "priority": &f.Priority, "assignee": &f.Assignee, "status": &f.Status,
		"tags": &f.Tags, "cc": &f.Cc} {
		*dst = strings.TrimSpace(r.PostFormValue(key))
	}
	f.Reply = r.PostFormValue("as") == "reply"
	sc, _ := fromContext(r.Context())
	in := ticket.NewTicket{Subject: f.Subject, Description: f.Description, Team: f.Team, Channel: ticket.Manual,
		ActorID: sc.operator.ID, Contact: contact.Identity{Email: f.Email, FirstName: f.FirstName,
			LastName: f.LastName, Phone: f.Phone},
		Assignee: f.Assignee, Status: f.Status, Tags: splitList(f.Tags), Cc: ccOf(f.Cc), AsReply: f.Reply}

	bad := map[string]string{}
	if f.ContactID != "" {
		c, err := u.pickedContact(r.Context(), f.ContactID)
		if err != nil {
			return err
		}
		in.Contact = contact.Identity{Email: c.Email}
		if c.ExternalID != nil {
			in.Contact.ExternalID = *c.ExternalID
		}
	}
	if n := strings.Index("0123", f.Priority); len(f.Priority) == 1 && n >= 0 {
		in.Priority = n
	} else if f.Priority != "" {
		bad["priority"] = "must be 0, 1, 2 or 3"
	}
	files, err := u.uploads(r, "files")
	var t ticket.Ticket
	if err == nil && len(bad) == 0 {
		in.Attachments = files
		t, err = u.s.Tickets.Create(r.Context(), in)
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		bad = ve.Fields
	} else if err != nil {
		return err
	}
	if len(bad) > 0 {
		v, err := u.newTicketView(r.Context(), u.base(r, csrfToken(r)), f, "")
		if err != nil {
			return err
		}
		v.fail(bad)
		return u.render(w, r, http.StatusUnprocessableEntity, "ticket_new", "", v)
	}
	http.Redirect(w, r, ticketURL(t.Number), http.StatusSeeOther)
	return nil
}
