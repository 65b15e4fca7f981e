package ui

import (
	"github.com/frontdesk/frontdesk/internal/calendar"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
)

// TeamForm is the team form's values as typed.
type TeamForm struct {
	Name, Slug, EmailAlias, Mode string
	PipelineID                   int64
	CalendarID                   int64 // 0: round the clock
	Channels                     team.Channels
	Members                      []int64
}

func teamFormOf(t team.Team) TeamForm {
	f := TeamForm{Name: t.Name, Slug: t.Slug, EmailAlias: t.EmailAlias, Mode: string(t.AssignmentMode),
		PipelineID: t.PipelineID, Channels: t.Channels, Members: t.MemberIDs}
	if t.CalendarID != nil {
		f.CalendarID = *t.CalendarID
	}
	return f
}

func teamFormFrom(f url.Values) TeamForm {
	tf := TeamForm{Name: f.Get("name"), Slug: strings.TrimSpace(f.Get("slug")),
		EmailAlias: strings.TrimSpace(f.Get("email_alias")), Mode: f.Get("assignment_mode"),
		Channels: team.Channels{Email: f.Has("ch_email"), Form: f.Has("ch_form"), Widget: f.Has("ch_widget"),
			LiveChat: f.Has("ch_chat")}, Members: []int64{}}
	tf.PipelineID, _ = strconv.ParseInt(f.Get("pipeline_id"), 10, 64)
	tf.CalendarID, _ = strconv.ParseInt(f.Get("calendar_id"), 10, 64)
	for _, m := range f["member"] {
		if id, err := strconv.ParseInt(m, 10, 64); err == nil {
			tf.Members = append(tf.Members, id)
		}
	}
	return tf
}

// input sends every field; blank slug and alias on create take defaults.
func (f TeamForm) input(creating bool) team.Input {
	mode := team.AssignmentMode(f.Mode)
	in := team.Input{Name: &f.Name, AssignmentMode: &mode, Channels: &f.Channels, MemberIDs: &f.Members,
		CalendarID: &f.CalendarID}
	if !creating || f.Slug != "" {
		in.Slug = &f.Slug
	}
	if !creating || f.EmailAlias != "" {
		in.EmailAlias = &f.EmailAlias
	}
	if f.PipelineID != 0 {
		in.PipelineID = &f.PipelineID
	}
	return in
}

// Mode is one choice of assignment mode, explained.
type Mode struct{ Value, Label, Help string }

var assignmentModes = []Mode{
	{string(team.Manual), "Manual", "New tickets wait unassigned until someone takes them."},
	{string(team.RoundRobin), "Round robin", "New tickets go to the team's active members in turn."},
	{string(team.FewestOpen), "Fewest open", "New tickets go to the member with the fewest open tickets."},
}

// TeamView is the create and edit form of a team.
type TeamView struct {
	SettingsBase
	ID        int64 // zero when creating
	Form      TeamForm
	Pipelines []pipeline.Pipeline
	Calendars []calendar.Record
	Operators []operator.Operator
	Modes     []Mode
}

// IsMember reports whether the form has operator id ticked.
func (v TeamView) IsMember(id int64) bool { return slices.Contains(v.Form.Members, id) }

var teamFields = []string{"name", "slug", "email_alias", "pipeline_id", "calendar_id", "assignment_mode"}

func (u *UI) teamView(r *http.Request, id int64, f TeamForm) (TeamView, error) {
	ps, err := u.s.Pipelines.List(r.Context())
	if err != nil {
		return TeamView{}, err
	}
	ops, err := u.s.Operators.List(r.Context())
	if err != nil {
		return TeamView{}, err
	}
	cals, err := u.s.Calendars.List(r.Context())
	if err != nil {
		return TeamView{}, err
	}
	return TeamView{SettingsBase: u.settingsBase(r, "teams"), ID: id, Form: f, Pipelines: ps, Calendars: cals,
		Operators: ops, Modes: assignmentModes}, nil
}

// teamAction is where the form posts.
func (v TeamView) Action() string {
	if v.ID == 0 {
		return "/settings/teams"
	}
	return "/settings/teams/" + strconv.FormatInt(v.ID, 10)
}

// Field is the input id of the team form, as typed, with its error.
func (v TeamView) Field(id string) SField {
	f := SField{ID: id, Error: v.Errors[id]}
	switch id {
	case "name":
		f.Label, f.Value, f.Required = "Name", v.Form.Name, true
	case "slug":
		f.Label, f.Value, f.Hint = "Slug", v.Form.Slug, "Lower-case letters, digits and dashes, used in URLs and the API."
		if v.ID == 0 {
			f.Hint += " Left blank, it is made from the name."
		}
	case "email_alias":
		f.Label, f.Value, f.Type = "Email alias", v.Form.EmailAlias, "email"
		f.Hint = "Mail sent to this address becomes a ticket of this team."
		if v.ID == 0 {
			f.Hint += " Left blank, the slug at the mail domain."
		}
	}
	return f
}
