package ui

import (
	"errors"
	"net/http"
	"slices"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// settingsPipelinePreset switches one of the pipeline's ready rules on
// or off with its choice; a refusal is shown on that rule's row.
func (u *UI) settingsPipelinePreset(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p := automation.PipelinePreset{Key: r.PathValue("key"), Enabled: r.PostForm.Get("enabled") == "true",
		Status: r.PostForm.Get("status"), Notify: r.PostForm.Get("notify")}
	_, err = u.s.Automations.SetPipelinePreset(r.Context(), id, p)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v, verr := u.pipelinePage(r, id)
		if verr != nil {
			return verr
		}
		v.Automation.refused(p, ve.Fields)
		v.Error = "Not saved: " + presetTitles[p.Key] + " needs a change (below)."
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_pipeline", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/pipelines/"+id64(id)+"?done=automation-saved#automation", http.StatusSeeOther)
	return nil
}

// settingsPipelineMails switches the received and closed mails of the
// teams whose tickets start in the pipeline: the boxes posted ticked are
// on, the others off.
func (u *UI) settingsPipelineMails(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	teams, err := u.s.Teams.List(r.Context())
	if err != nil {
		return err
	}
	for _, t := range teams {
		if t.PipelineID != id {
			continue
		}
		for preset, field := range map[string]string{"received_mail": "received", "closed_mail": "closed"} {
			on := slices.Contains(r.PostForm[field], id64(t.ID))
			if err := u.s.Automations.SetPresetEnabled(r.Context(), t.ID, preset, on); err != nil {
				return err
			}
		}
	}
	http.Redirect(w, r, "/settings/pipelines/"+id64(id)+"?done=automation-saved#automation", http.StatusSeeOther)
	return nil
}
