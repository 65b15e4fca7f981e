package ui

import "net/http"

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
	v := u.teamMailView(r, t, ts)
	if r.URL.Query().Get("done") == "mail-saved" {
		v.Flash = "Mail templates saved."
	}
	return u.render(w, r, http.StatusOK, "settings_team_mail", "", v)
}
