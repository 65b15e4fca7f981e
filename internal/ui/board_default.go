package ui

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// boardDefault sends the top bar's "Board" to the first pipeline, the one
// every install starts with.
func (u *UI) boardDefault(w http.ResponseWriter, r *http.Request) error {
	all, err := u.s.Pipelines.List(r.Context())
	if err != nil {
		return err
	}
	if len(all) == 0 {
		return httpx.NewError(http.StatusNotFound, "not_found", "There is no pipeline yet.")
	}
	first := all[0]
	for _, p := range all {
		if p.ID < first.ID {
			first = p
		}
	}
	http.Redirect(w, r, boardURL(first.ID), http.StatusSeeOther)
	return nil
}
