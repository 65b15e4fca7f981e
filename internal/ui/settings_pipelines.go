package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/pipeline"
)

// PipelinesView lists the pipelines in their order.
type PipelinesView struct {
	SettingsBase
	Rows []PipelineRow
}

// PipelineRow is one pipeline of the list, with the positions its up and
// down buttons send.
type PipelineRow struct {
	pipeline.Pipeline
	TeamNames   string // "Every team" when not limited
	Up, Down    int
	First, Last bool
}

func (u *UI) settingsPipelines(w http.ResponseWriter, r *http.Request) error {
	ps, err := u.s.Pipelines.List(r.Context())
	if err != nil {
		return err
	}
	teams, err := u.s.Teams.List(r.Context())
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, t := range teams {
		names[t.ID] = t.Name
	}
	v := PipelinesView{SettingsBase: u.settingsBase(r, "pipelines")}
	for i, p := range ps {
		row := PipelineRow{Pipeline: p, TeamNames: "Every team", Up: max(i-1, 0), Down: i + 1, First: i == 0,
			Last: i == len(ps)-1}
		if len(p.Teams) > 0 {
			var limited []string
			for _, id := range p.Teams {
				limited = append(limited, names[id])
			}
			row.TeamNames = strings.Join(limited, ", ")
		}
		v.Rows = append(v.Rows, row)
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_pipelines", "", v)
}

func (u *UI) settingsPipelineNew(w http.ResponseWriter, r *http.Request) error {
	f := pipelineFormOf(pipeline.Pipeline{})
	for _, s := range pipeline.DefaultStatuses {
		f.Statuses = append(f.Statuses, StatusRow{Name: s.Name, Kind: string(s.Kind)})
	}
	v := PipelineView{SettingsBase: u.settingsBase(r, "pipelines"), Form: f}
	if err := u.choices(r.Context(), &v); err != nil {
		return err
	}
	return u.render(w, r, http.StatusOK, "settings_pipeline", "", v)
}

func (u *UI) settingsPipelineEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := u.pipelinePage(r, id)
	if err != nil {
		return err
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_pipeline", "", v)
}

// pipelinePage is pipeline id's page as saved, with its ready rules.
func (u *UI) pipelinePage(r *http.Request, id int64) (PipelineView, error) {
	p, err := u.s.Pipelines.Get(r.Context(), id)
	if err != nil {
		return PipelineView{}, err
	}
	v := PipelineView{SettingsBase: u.settingsBase(r, "pipelines"), ID: id, Form: pipelineFormOf(p)}
	if err := u.choices(r.Context(), &v); err != nil {
		return v, err
	}
	v.Automation, err = u.pipelineAutomation(r.Context(), p)
	return v, err
}

// settingsPipelineSave creates (no id) or updates a pipeline, or, for the
// up, down, add and remove buttons, shows the form changed but unsaved.
func (u *UI) settingsPipelineSave(w http.ResponseWriter, r *http.Request) error {
	id, err := optionalPathID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	v := PipelineView{SettingsBase: u.settingsBase(r, "pipelines"), ID: id, Form: pipelineFormFrom(r.PostForm)}
	if err := u.choices(r.Context(), &v); err != nil {
		return err
	}
	if v.Form.edit(r.PostForm.Get("op")) {
		if err := u.countRemoved(r.Context(), &v.Form); err != nil {
			return err
		}
		v.Flash = "Not saved yet: press “Save pipeline” to keep these changes."
		return u.render(w, r, http.StatusOK, "settings_pipeline", "", v)
	}
	p, err := u.savePipeline(r, id, v.Form)
	if status := u.pipelineRefused(r, &v, err); status != 0 {
		return u.render(w, r, status, "settings_pipeline", "", v)
	} else if err != nil {
		return err
	}
	done := "pipeline-saved"
	if id == 0 {
		done = "pipeline-created"
	}
	http.Redirect(w, r, "/settings/pipelines/"+strconv.FormatInt(p.ID, 10)+"?done="+done, http.StatusSeeOther)
	return nil
}

func (u *UI) savePipeline(r *http.Request, id int64, f PipelineForm) (pipeline.Pipeline, error) {
	if id == 0 {
		return u.s.Pipelines.CreateWith(r.Context(), pipeline.New{Name: f.Name, Statuses: f.inputs(), Teams: f.Teams})
	}
	return u.s.Pipelines.Update(r.Context(), id, pipeline.Update{Name: &f.Name, Statuses: f.inputs(),
		Reassign: f.reassign(), Teams: &f.Teams, ActorID: me(r).ID})
}

// pipelineRefused puts a broken rule into the view and returns the status
// to answer with, or 0 when err is not the domain refusing the form.
func (u *UI) pipelineRefused(r *http.Request, v *PipelineView, err error) int {
	var ve *domain.ValidationError
	switch {
	case errors.As(err, &ve):
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool {
			return k == "name" || k == "statuses" || strings.HasPrefix(k, "statuses[") || strings.HasPrefix(k, "reassign.")
		})
	case errors.Is(err, domain.ErrConflict):
		v.Error = sentenceCase(err.Error())
	default:
		return 0
	}
	if cerr := u.countRemoved(r.Context(), &v.Form); cerr != nil {
		u.log.ErrorContext(r.Context(), "count tickets", "err", cerr)
	}
	if ve != nil {
		return http.StatusUnprocessableEntity
	}
	return http.StatusConflict
}

// settingsPipelineDelete removes an unused pipeline; the domain's reasons
// to refuse are shown on the pipeline's page.
func (u *UI) settingsPipelineDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	err = u.s.Pipelines.Delete(r.Context(), id)
	if errors.Is(err, domain.ErrConflict) {
		p, gerr := u.s.Pipelines.Get(r.Context(), id)
		if gerr != nil {
			return gerr
		}
		v := PipelineView{SettingsBase: u.settingsBase(r, "pipelines"), ID: id, Form: pipelineFormOf(p)}
		v.Error = sentenceCase(err.Error())
		if err := u.choices(r.Context(), &v); err != nil {
			return err
		}
		return u.render(w, r, http.StatusConflict, "settings_pipeline", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/pipelines?done=pipeline-deleted", http.StatusSeeOther)
	return nil
}
