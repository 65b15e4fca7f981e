package ui

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// boardDefault sends the top bar's "Board" to the first pipeline in the
// admins' order that the operator may see.
func (u *UI) boardDefault(w http.ResponseWriter, r *http.Request) error {
	all, err := u.visiblePipelines(r.Context(), viewer(r))
	if err != nil {
		return err
	}
	if len(all) == 0 {
		return httpx.NewError(http.StatusNotFound, "not_found", "There is no pipeline yet.")
	}
	http.Redirect(w, r, boardURL(all[0].ID), http.StatusSeeOther)
	return nil
}
