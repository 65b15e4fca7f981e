package ui

import "net/http"

// settingsMailboxDelete stops syncing a mailbox; its mail stays.
func (u *UI) settingsMailboxDelete(w http.ResponseWriter, r *http.Request) error {
	teamID, m, err := u.teamMailbox(r)
	if err != nil {
		return err
	}
	if err := u.s.Mailboxes.Delete(r.Context(), teamID, m.ID); err != nil {
		return err
	}
	http.Redirect(w, r, mailboxesURL(teamID)+"?done=mailbox-deleted", http.StatusSeeOther)
	return nil
}
