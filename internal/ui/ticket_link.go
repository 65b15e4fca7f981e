package ui

import (
	"net/http"
)

// ticketRotateLink gives the ticket a new public link, for when the old
// one reached someone it should not have.
func (u *UI) ticketRotateLink(w http.ResponseWriter, r *http.Request) error {
	id, err := u.ticketID(r)
	if err != nil {
		return err
	}
	sc, _ := fromContext(r.Context())
	if _, err := u.s.Tickets.RotateToken(r.Context(), id, sc.operator.ID); err != nil {
		return err
	}
	http.Redirect(w, r, ticketPath(r)+"?done=link#public-link", http.StatusSeeOther)
	return nil
}
