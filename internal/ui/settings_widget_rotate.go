package ui

import "net/http"

// settingsWidgetRotate replaces a team's widget secret; the page asks
// first, since every identity signed with the old one stops verifying.
func (u *UI) settingsWidgetRotate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := u.s.Widgets.Rotate(r.Context(), id); err != nil {
		return err
	}
	toTeamSettings(w, r, id, "widget", "widget-rotated")
	return nil
}
