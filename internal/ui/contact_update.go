package ui

import (
	"errors"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// contactUpdate saves the edit form. The domain checks every field; its
// messages go next to the fields, and what was typed stays.
func (u *UI) contactUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := contactID(r)
	if err != nil {
		return err
	}
	c, err := u.s.Contacts.Get(r.Context(), id)
	if err != nil {
		return err
	}
	if c.MergedInto != nil {
		return domain.Conflict("this contact was merged into contact %d; edit that one instead", *c.MergedInto)
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	f := contactFormFrom(r.PostForm)
	_, err = u.s.Contacts.Update(r.Context(), id, f.patch())
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v, err := u.contactPage(r, c, "")
		if err != nil {
			return err
		}
		v.Form, v.Errors, v.EditOpen = f, f.errors(ve.Fields), true
		return u.render(w, r, http.StatusUnprocessableEntity, "contact", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, contactURL(id)+"?done=saved", http.StatusSeeOther)
	return nil
}
