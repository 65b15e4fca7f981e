package ui

import (
	"errors"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
)

// settingsTeamMailSave stores the templates, or with "preview" only
// renders them as typed.
func (u *UI) settingsTeamMailSave(w http.ResponseWriter, r *http.Request) error {
	t, err := u.postedTeam(r)
	if err != nil {
		return err
	}
	id := t.ID
	ts := templatesFrom(r.PostForm)
	if r.PostForm.Has("preview") {
		v := u.teamMailView(r, t, ts)
		var ve *domain.ValidationError
		if errors.As(validateAll(ts), &ve) {
			v.Errors = sentences(ve.Fields)
		}
		return u.render(w, r, http.StatusOK, "settings_team_mail", "", v)
	}
	err = u.s.Outbox.SaveTemplates(r.Context(), id, ts)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v := u.teamMailView(r, t, ts)
		v.Errors, v.Error = sentences(ve.Fields), "The templates were not saved: see the marked fields."
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_team_mail", "", v)
	} else if err != nil {
		return err
	}
	for _, tpl := range ts {
		if preset, ok := mailPresets[tpl.Kind]; ok {
			if err := u.s.Automations.SetPresetEnabled(r.Context(), id, preset, tpl.Enabled); err != nil {
				return err
			}
		}
	}
	toTeamSettings(w, r, id, "mail", "mail-saved")
	return nil
}

func validateAll(ts []outbound.Template) error {
	var all domain.ValidationError
	for _, t := range ts {
		var ve *domain.ValidationError
		if errors.As(t.Validate(), &ve) {
			if all.Fields == nil {
				all.Fields = map[string]string{}
			}
			for k, m := range ve.Fields {
				all.Fields[k] = m
			}
		}
	}
	if all.Fields == nil {
		return nil
	}
	return &all
}

func sentences(fields map[string]string) map[string]string {
	out, _ := fieldErrors(fields, func(string) bool { return true })
	return out
}
