package api

import (
	"bytes"
	"encoding/json"
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
	Channels       *channelsBody        `json:"channels"`
	MemberIDs      *[]int64             `json:"member_ids"`
	CalendarID     nullableID           `json:"calendar_id"`
}

// nullableID is an id that may be set to null: absent keeps the value,
// null clears it (sent on as 0).
type nullableID struct {
	Set   bool
	Value int64
}

func (n *nullableID) UnmarshalJSON(b []byte) error {
	n.Set = true
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil
	}
	return json.Unmarshal(b, &n.Value)
}

func (n nullableID) ptr() *int64 {
	if !n.Set {
		return nil
	}
	return &n.Value
}

// channelsBody switches channels one by one: a switch left out keeps its value.
type channelsBody struct {
	Email    *bool `json:"email"`
	Form     *bool `json:"web_form"`
	Widget   *bool `json:"widget"`
	LiveChat *bool `json:"chat"`
}

func (c *channelsBody) over(cur team.Channels) *team.Channels {
	if c == nil {
		return nil
	}
	for _, sw := range []struct {
		in  *bool
		out *bool
	}{{c.Email, &cur.Email}, {c.Form, &cur.Form}, {c.Widget, &cur.Widget}, {c.LiveChat, &cur.LiveChat}} {
		if sw.in != nil {
			*sw.out = *sw.in
		}
	}
	return &cur
}

func (b teamBody) input(cur team.Channels) team.Input {
	return team.Input{Name: b.Name, Slug: b.Slug, EmailAlias: b.EmailAlias, PipelineID: b.PipelineID,
		AssignmentMode: b.AssignmentMode, Channels: b.Channels.over(cur), MemberIDs: b.MemberIDs,
		CalendarID: b.CalendarID.ptr()}
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
	defaults := team.Channels{Email: true, Form: true, Widget: true}
	t, err := a.S.Teams.Create(r.Context(), in.input(defaults), def.ID)
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
	cur, err := a.S.Teams.Get(r.Context(), id)
	if err != nil {
		return err
	}
	t, err := a.S.Teams.Update(r.Context(), id, in.input(cur.Channels))
	if err != nil {
		return err
	}
	return ok(w, t)
}
