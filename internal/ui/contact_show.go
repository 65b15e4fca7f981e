package ui

import "net/http"

// contactShow is a contact's page. A contact that was merged leads to the
// one it was merged into.
func (u *UI) contactShow(w http.ResponseWriter, r *http.Request) error {
	id, err := contactID(r)
	if err != nil {
		return err
	}
	c, err := u.s.Contacts.Get(r.Context(), id)
	if err != nil {
		return err
	}
	if c.MergedInto != nil {
		http.Redirect(w, r, contactURL(*c.MergedInto), http.StatusFound)
		return nil
	}
	v, err := u.contactPage(r, c, r.URL.Query().Get("cursor"))
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("done") {
	case "saved":
		v.Flash = "The contact was saved."
	case "bounce-cleared":
		v.Flash = "The address no longer counts as bouncing: mail goes to it again."
	case "merged":
		v.Flash = "The other contact was merged into this one: its tickets and addresses are here now."
	}
	return u.render(w, r, http.StatusOK, "contact", "contact-tickets", v)
}
