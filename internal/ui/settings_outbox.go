package ui

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/mail/outbound"
)

// OutboxView lists recent outbound mail for admins.
type OutboxView struct {
	SettingsBase
	Mails    []outbound.Mail
	RelaySet bool
}

func (u *UI) settingsOutbox(w http.ResponseWriter, r *http.Request) error {
	ms, err := u.s.Outbox.Recent(r.Context(), 200)
	if err != nil {
		return err
	}
	v := OutboxView{SettingsBase: u.settingsBase(r, "teams"), Mails: ms, RelaySet: u.s.Outbox.RelaySet}
	return u.render(w, r, http.StatusOK, "settings_outbox", "", v)
}
