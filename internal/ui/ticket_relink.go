package ui

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketRelink moves the ticket to another customer, found by email or
// created with it: mail that came from a shared or wrong address can be
// given to the person it belongs to. The history records the change.
func (u *UI) ticketRelink(w http.ResponseWriter, r *http.Request) error {
	id, err := u.ticketID(r)
	if err != nil {
		return err
	}
	email := strings.TrimSpace(r.PostFormValue("email"))
	contactID, err := u.contactForEmail(r.Context(), email)
	if err == nil {
		sc, _ := fromContext(r.Context())
		_, err = u.s.Tickets.Update(r.Context(), id, ticket.Patch{Contact: &contactID, ActorID: sc.operator.ID})
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v, lerr := u.workspace(r, id)
		if lerr != nil {
			return lerr
		}
		v.Relink = Relink{Email: email, Error: fieldMessage(ve, "contact.email", "email", "contact"), Open: true}
		return u.render(w, r, http.StatusUnprocessableEntity, "ticket", "", v)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, ticketPath(r)+"#customer-heading", http.StatusSeeOther)
	return nil
}

// contactForEmail is the contact holding email, created when there is none.
func (u *UI) contactForEmail(ctx context.Context, email string) (int64, error) {
	if email == "" {
		return 0, domain.Invalid("email", "is required")
	}
	found, _, err := u.s.Contacts.List(ctx, contact.Filter{Email: email, Limit: 1})
	if err != nil || len(found) > 0 {
		if len(found) > 0 {
			return found[0].ID, nil
		}
		return 0, err
	}
	c, err := u.s.Contacts.Create(ctx, contact.Identity{Email: email}, contact.Patch{})
	return c.ID, err
}
