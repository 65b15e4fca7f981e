package ui

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// WidgetView shows how to put a team on a website: the embed snippet, the
// direct form link, and the widget's settings with its secret.
type WidgetView struct {
	SettingsBase
	Team            team.Team
	Snippet         string
	FormURL         string
	Secret          string
	Origins         string // one per line, as typed
	RequireVerified bool
	Color           string
}

func (u *UI) widgetView(r *http.Request, t team.Team, s widget.Settings) WidgetView {
	base := u.s.Tickets.BaseURL
	return WidgetView{SettingsBase: u.settingsBase(r, "teams"), Team: t,
		Snippet: fmt.Sprintf(`<script src="%s/widget.js" data-team="%s" async></script>`, base, t.Slug),
		FormURL: base + "/support/" + t.Slug, Secret: s.Secret, Origins: strings.Join(s.Origins, "\n"),
		RequireVerified: s.RequireVerified, Color: s.Color}
}

// settingsWidget shows a team's embedding page.
func (u *UI) settingsWidget(w http.ResponseWriter, r *http.Request) error {
	t, err := u.pathTeam(r)
	if err != nil {
		return err
	}
	id := t.ID
	s, err := u.s.Widgets.Get(r.Context(), id)
	if err != nil {
		return err
	}
	v := u.widgetView(r, t, s)
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_widget", "", v)
}
