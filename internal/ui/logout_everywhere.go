package ui

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/session"
)

// logoutEverywhere ends every session of the operator, this one included:
// a phone left signed in somewhere is signed out too.
func (u *UI) logoutEverywhere(w http.ResponseWriter, r *http.Request) error {
	sc, _ := fromContext(r.Context())
	if err := session.EndOthers(r.Context(), u.sessions.DB.Write, sc.operator.ID, ""); err != nil {
		return err
	}
	u.clearSessionCookie(w)
	http.Redirect(w, r, "/login?done=everywhere", http.StatusSeeOther)
	return nil
}
