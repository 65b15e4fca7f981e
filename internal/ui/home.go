package ui

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

func (u *UI) notFound(http.ResponseWriter, *http.Request) error {
	return httpx.NewError(http.StatusNotFound, "not_found", "There is no page at this address.")
}

// home is the app's front door: the inbox.
func (u *UI) home(w http.ResponseWriter, r *http.Request) error {
	http.Redirect(w, r, "/inbox", http.StatusSeeOther)
	return nil
}
