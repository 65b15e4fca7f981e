package ui

import (
	"errors"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// settingsWidgetSave saves a team's allowed origins, identity rule and
// colour; a bad line is named beside the origins as typed.
func (u *UI) settingsWidgetSave(w http.ResponseWriter, r *http.Request) error {
	t, err := u.postedTeam(r)
	if err != nil {
		return err
	}
	id := t.ID
	origins := r.PostForm.Get("origins")
	in := widget.Input{Origins: strings.Split(origins, "\n"), RequireVerified: r.PostForm.Get("require_verified") != "",
		Color: r.PostForm.Get("color")}
	_, err = u.s.Widgets.Update(r.Context(), id, in)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		cur, gerr := u.s.Widgets.Get(r.Context(), id)
		if gerr != nil {
			return gerr
		}
		v := u.widgetView(r, t, cur)
		v.Origins, v.RequireVerified, v.Color = origins, in.RequireVerified, in.Color
		for k, msg := range ve.Fields {
			if strings.HasPrefix(k, "origins") {
				k = "origins"
			}
			v.Errors[k] = sentenceCase(msg)
		}
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_widget", "", v)
	} else if err != nil {
		return err
	}
	toTeamSettings(w, r, id, "widget", "widget-saved")
	return nil
}
