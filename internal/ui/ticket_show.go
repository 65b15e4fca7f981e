package ui

import "net/http"

// ticketShow is the ticket workspace.
func (u *UI) ticketShow(w http.ResponseWriter, r *http.Request) error {
	id, err := u.ticketID(r)
	if err != nil {
		return err
	}
	v, err := u.workspace(r, id)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("done") == "link" {
		v.Flash = "A new public link was made. The old one no longer works."
	}
	return u.render(w, r, http.StatusOK, "ticket", "", v)
}
