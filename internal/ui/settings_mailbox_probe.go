package ui

import (
	"fmt"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/mail/mailbox"
)

// settingsMailboxProbe logs in to a saved mailbox ("Test connection") and
// shows the folder's message count or what went wrong.
func (u *UI) settingsMailboxProbe(w http.ResponseWriter, r *http.Request) error {
	teamID, m, err := u.teamMailbox(r)
	if err != nil {
		return err
	}
	n, perr := mailbox.Probe(r.Context(), m, nil)
	v, err := u.mailboxesView(r, teamID, 0, MailboxForm{TLS: string(mailbox.TLS), Folder: "INBOX", Enabled: true})
	if err != nil {
		return err
	}
	v.Probe = &ProbeResult{OK: true, Message: fmt.Sprintf("Connected to %s as %s: the folder %q holds %d messages.",
		m.Addr(), m.Username, m.Folder, n)}
	if perr != nil {
		v.Probe = &ProbeResult{Message: fmt.Sprintf("The test of %s failed: %s.", m.Addr(), perr.Error())}
	}
	return u.render(w, r, http.StatusOK, "settings_mailboxes", "", v)
}
