package api

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func fieldErr(field, msg string) error { return domain.Invalid(field, msg) }

func (a *API) listContacts(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := contact.Filter{Email: q.Get("email"), ExternalID: q.Get("external_id"), Q: q.Get("q")}
	var err error
	if f.Limit, err = queryLimit(r); err != nil {
		return err
	}
	if c := q.Get("cursor"); c != "" {
		if f.After, err = strconv.ParseInt(c, 10, 64); err != nil {
			return fieldErr("cursor", "is not a cursor from a previous page")
		}
	}
	items, next, err := a.S.Contacts.List(r.Context(), f)
	if err != nil {
		return err
	}
	cursor := ""
	if next > 0 {
		cursor = idStr(next)
	}
	if items == nil {
		items = []contact.Contact{}
	}
	return ok(w, map[string]any{"items": items, "next_cursor": cursor})
}

type contactBody struct {
	FirstName  *string   `json:"first_name"`
	LastName   *string   `json:"last_name"`
	Email      *string   `json:"email"`
	Emails     *[]string `json:"emails"`
	Phone      *string   `json:"phone"`
	ExternalID *string   `json:"external_id"`
	Company    *string   `json:"company"`
	Notes      *string   `json:"notes"`
}

func (b contactBody) patch() contact.Patch {
	p := contact.Patch{FirstName: b.FirstName, LastName: b.LastName, Phone: b.Phone, ExternalID: b.ExternalID,
		Emails: b.Emails, Company: b.Company, Notes: b.Notes}
	if b.Email != nil && b.Emails == nil {
		p.Emails = &[]string{*b.Email}
	}
	return p
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (a *API) createContact(w http.ResponseWriter, r *http.Request) error {
	var in contactBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	email := deref(in.Email)
	if email == "" && in.Emails != nil && len(*in.Emails) > 0 {
		email = (*in.Emails)[0]
	}
	id := contact.Identity{Email: email, FirstName: deref(in.FirstName), LastName: deref(in.LastName),
		Phone: deref(in.Phone), ExternalID: deref(in.ExternalID)}
	extra := contact.Patch{Company: in.Company, Notes: in.Notes}
	if in.Emails != nil {
		extra.Emails = in.Emails
	}
	c, err := a.S.Contacts.Create(r.Context(), id, extra)
	if err != nil {
		return err
	}
	return created(w, c)
}

func (a *API) getContact(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	c, err := a.S.Contacts.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, c)
}

func (a *API) updateContact(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in contactBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	c, err := a.S.Contacts.Update(r.Context(), id, in.patch())
	if err != nil {
		return err
	}
	return ok(w, c)
}

func (a *API) contactTickets(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := a.S.Contacts.Get(r.Context(), id); err != nil {
		return err
	}
	limit, err := queryLimit(r)
	if err != nil {
		return err
	}
	page, err := a.S.Tickets.List(r.Context(), ticket.Filter{ContactID: id, Limit: limit, Cursor: r.URL.Query().Get("cursor"),
		Viewer: viewer(r)})
	if err != nil {
		return err
	}
	return ok(w, page)
}

func (a *API) mergeContact(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in struct {
		Into int64 `json:"into"`
	}
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	if in.Into <= 0 {
		return fieldErr("into", "is required: the id of the contact to keep")
	}
	c, err := a.S.Contacts.Merge(r.Context(), id, in.Into, actor(r).ID)
	if err != nil {
		return err
	}
	return ok(w, c)
}

// clearContactBounce takes the bouncing mark off one of the contact's
// addresses, so mail goes to it again.
func (a *API) clearContactBounce(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := a.S.Contacts.ClearBounce(r.Context(), id, r.PathValue("email")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
