package ui

import (
	"net/http"
)

// settingsMailboxEdit shows the list with mailbox {mid} in the form.
func (u *UI) settingsMailboxEdit(w http.ResponseWriter, r *http.Request) error {
	teamID, m, err := u.teamMailbox(r)
	if err != nil {
		return err
	}
	v, err := u.mailboxesView(r, teamID, m.ID, mailboxFormOf(m))
	if err != nil {
		return err
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_mailboxes", "", v)
}
