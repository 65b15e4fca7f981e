package ui

import (
	"net/http"
	"strconv"
)

// mailRetry processes a failed mail again; the list then says what
// became of it.
func (u *UI) mailRetry(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := u.s.Mail.Retry(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/mail/failed?retried="+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}
