package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
)

// contactMergeShow is the step before a merge: ?from= is the other
// contact's number (then both are shown side by side) or the start of a
// name or address (then the matches are listed to choose from).
func (u *UI) contactMergeShow(w http.ResponseWriter, r *http.Request) error {
	id, err := contactID(r)
	if err != nil {
		return err
	}
	into, err := u.s.Contacts.Get(r.Context(), id)
	if err != nil {
		return err
	}
	if into.MergedInto != nil {
		http.Redirect(w, r, contactURL(*into.MergedInto)+"/merge", http.StatusFound)
		return nil
	}
	v, err := u.mergeView(r, into, r.URL.Query().Get("from"))
	if err != nil {
		return err
	}
	return u.render(w, r, http.StatusOK, "contact_merge", "", v)
}

// mergeView fills the merge page for the contact kept and what was asked
// for as the other one.
func (u *UI) mergeView(r *http.Request, into contact.Contact, from string) (MergeView, error) {
	from = strings.TrimSpace(from)
	v := MergeView{Base: u.base(r, csrfToken(r)), Into: contactCard(into), Query: from}
	v.Section = "contacts"
	n, err := strconv.ParseInt(strings.TrimPrefix(from, "#"), 10, 64)
	if err != nil || n <= 0 {
		if from == "" {
			return v, nil
		}
		items, _, err := u.s.Contacts.List(r.Context(), contact.Filter{Q: from, Limit: 20})
		v.Searched, v.Results = true, contactRows(items, into.ID)
		return v, err
	}
	return v, u.mergeSource(r.Context(), &v, into.ID, n)
}

// mergeSource sets the contact to merge, or says why it cannot be.
func (u *UI) mergeSource(ctx context.Context, v *MergeView, intoID, fromID int64) error {
	if fromID == intoID {
		v.Error = "That is this contact. Choose the other one, the duplicate."
		return nil
	}
	src, err := u.s.Contacts.Get(ctx, fromID)
	switch {
	case errors.Is(err, contact.ErrNotFound) || err == nil && src.MergedInto != nil:
		v.Error = fmt.Sprintf("There is no contact #%d to merge.", fromID)
		return nil
	case err != nil:
		return err
	}
	c := contactCard(src)
	v.From = &c
	return nil
}
