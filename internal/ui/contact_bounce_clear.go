package ui

import "net/http"

// contactBounceClear takes the bouncing mark off one of the contact's
// addresses (the customer fixed their mailbox), so mail goes to it again.
func (u *UI) contactBounceClear(w http.ResponseWriter, r *http.Request) error {
	id, err := contactID(r)
	if err != nil {
		return err
	}
	if err := u.s.Contacts.ClearBounce(r.Context(), id, r.PostFormValue("email")); err != nil {
		return err
	}
	http.Redirect(w, r, contactURL(id)+"?done=bounce-cleared", http.StatusSeeOther)
	return nil
}
