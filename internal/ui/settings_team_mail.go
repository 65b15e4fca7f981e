package ui

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/mail/outbound"
)

// mailPresets are the rules that send the received and closed mails: their
// "Send this mail" switch is the rule's.
var mailPresets = map[outbound.Kind]string{outbound.Received: "received_mail", outbound.Closed: "closed_mail"}

// settingsTeamMail shows a team's mail templates with previews.
func (u *UI) settingsTeamMail(w http.ResponseWriter, r *http.Request) error {
	t, err := u.pathTeam(r)
	if err != nil {
		return err
	}
	id := t.ID
	ts, err := u.s.Outbox.Templates(r.Context(), id)
	if err != nil {
		return err
	}
	for i := range ts { // the received and closed mails are sent by the team's rules
		if preset, ok := mailPresets[ts[i].Kind]; ok {
			if ts[i].Enabled, err = u.s.Automations.PresetEnabled(r.Context(), id, preset); err != nil {
				return err
			}
		}
	}
	v := u.teamMailView(r, t, ts)
	if r.URL.Query().Get("done") == "mail-saved" {
		v.Flash = "Mail templates saved."
	}
	return u.render(w, r, http.StatusOK, "settings_team_mail", "", v)
}
