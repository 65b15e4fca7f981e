package api

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/team"
)

type teamBody struct {
	Name           *string              `json:"name"`
	Slug           *string              `json:"slug"`
	EmailAlias     *string              `json:"email_alias"`
	PipelineID     *int64               `json:"pipeline_id"`
	AssignmentMode *team.AssignmentMode `json:"assignment_mode"`
	Channels       *team.Channels       `json:"channels"`
	MemberIDs      *[]int64             `json:"member_ids"`
}

func (b teamBody) input() team.Input {
	return team.Input{Name: b.Name, Slug: b.Slug, EmailAlias: b.EmailAlias, PipelineID: b.PipelineID,
		AssignmentMode: b.AssignmentMode, Channels: b.Channels, MemberIDs: b.MemberIDs}
}

func (a *API) listTeams(w http.ResponseWriter, r *http.Request) error {
	teams, err := a.S.Teams.List(r.Context())
	if err != nil {
		return err
	}
	if teams == nil {
		teams = []team.Team{}
	}
	return ok(w, map[string]any{"items": teams})
}

func (a *API) getTeam(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	t, err := a.S.Teams.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, t)
}

func (a *API) createTeam(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "create teams"); err != nil {
		return err
	}
	var in teamBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	def, err := a.S.Pipelines.EnsureDefault(r.Context())
	if err != nil {
		return err
	}
	t, err := a.S.Teams.Create(r.Context(), in.input(), def.ID)
	if err != nil {
		return err
	}
	return created(w, t)
}

func (a *API) updateTeam(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "change teams"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in teamBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	t, err := a.S.Teams.Update(r.Context(), id, in.input())
	if err != nil {
		return err
	}
	return ok(w, t)
}
