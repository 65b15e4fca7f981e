package ui

import "net/http"

// logout ends the session in the database, not only in the browser.
func (u *UI) logout(w http.ResponseWriter, r *http.Request) error {
	sc, _ := fromContext(r.Context())
	if err := u.sessions.Delete(r.Context(), sc.secret); err != nil {
		return err
	}
	if err := u.s.Chats.SignedOut(r.Context(), sc.operator.ID); err != nil {
		return err // signed out of the app, but still offered chats: say so
	}
	u.clearSessionCookie(w)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}
