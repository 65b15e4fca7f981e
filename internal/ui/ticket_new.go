package ui

import "net/http"

// ticketNew is the empty form for a ticket on a customer's behalf;
// ?contact= picks an existing contact and ?q= searches for one.
func (u *UI) ticketNew(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	v, err := u.newTicketView(r.Context(), u.base(r, csrfToken(r)), NewTicketForm{ContactID: q.Get("contact")}, q.Get("q"))
	if err != nil {
		return err
	}
	return u.render(w, r, http.StatusOK, "ticket_new", "", v)
}
