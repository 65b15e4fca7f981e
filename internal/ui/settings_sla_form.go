package ui

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// SLAPolicyForm is the policy form as typed: numbers stay text until
// saved, so a mistake is shown as it was written.
type SLAPolicyForm struct {
	Name, FirstResponse, NextResponse, Resolution, Warn, Tags, Calendar string
	Teams, Pause                                                        map[int64]bool
	Priorities                                                          map[int]bool
	Channels                                                            map[string]bool
	Companies                                                           []int64 // kept as they are: set by the API
	Position                                                            int
}

// SLAPolicyView is the create and edit page of a policy.
type SLAPolicyView struct {
	SettingsBase
	ID        int64
	Form      SLAPolicyForm
	Teams     []team.Team
	Pipelines []pipeline.Pipeline
	Calendars []calendar.Record
	Channels  []Option
	Priority  []string
}

// Action is where the form posts.
func (v SLAPolicyView) Action() string {
	if v.ID == 0 {
		return "/settings/sla"
	}
	return "/settings/sla/" + strconv.FormatInt(v.ID, 10)
}

func slaFormOf(p sla.Record) SLAPolicyForm {
	f := SLAPolicyForm{Name: p.Name, Position: p.Position, Tags: strings.Join(p.Match.Tags, ", "),
		FirstResponse: intText(p.Targets.FirstResponse), NextResponse: intText(p.Targets.NextResponse),
		Resolution: intText(p.Targets.Resolution), Warn: strconv.Itoa(p.WarnMinutes), Companies: p.Match.Companies,
		Teams: set64(p.Match.Teams), Pause: set64(p.PauseStatuses), Priorities: map[int]bool{}, Channels: map[string]bool{}}
	for _, pr := range p.Match.Priorities {
		f.Priorities[pr] = true
	}
	for _, c := range p.Match.Channels {
		f.Channels[c] = true
	}
	if p.CalendarID != nil {
		f.Calendar = strconv.FormatInt(*p.CalendarID, 10)
	}
	return f
}

func intText(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

func set64(ids []int64) map[int64]bool {
	m := map[int64]bool{}
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func slaFormFrom(form url.Values) SLAPolicyForm {
	f := SLAPolicyForm{Name: form.Get("name"), FirstResponse: strings.TrimSpace(form.Get("first_response")),
		NextResponse: strings.TrimSpace(form.Get("next_response")), Resolution: strings.TrimSpace(form.Get("resolution")),
		Warn: strings.TrimSpace(form.Get("warn_minutes")), Tags: form.Get("tags"), Calendar: form.Get("calendar_id"),
		Teams: idSet(form["team"]), Pause: idSet(form["pause"]), Priorities: map[int]bool{}, Channels: map[string]bool{}}
	f.Position, _ = strconv.Atoi(form.Get("position"))
	for _, c := range strings.Split(form.Get("companies"), ",") {
		if id, err := strconv.ParseInt(strings.TrimSpace(c), 10, 64); err == nil {
			f.Companies = append(f.Companies, id)
		}
	}
	for _, p := range form["priority"] {
		if n, err := strconv.Atoi(p); err == nil {
			f.Priorities[n] = true
		}
	}
	for _, c := range form["channel"] {
		f.Channels[c] = true
	}
	return f
}

func idSet(values []string) map[int64]bool {
	m := map[int64]bool{}
	for _, v := range values {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			m[id] = true
		}
	}
	return m
}

// input is the form as a policy; unreadable lists the fields that are
// not whole numbers.
func (f SLAPolicyForm) input() (sla.Input, map[string]bool) {
	bad := map[string]bool{}
	number := func(field, s string) *int {
		if s == "" {
			return nil
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			bad[field] = true
			return nil
		}
		return &n
	}
	in := sla.Input{Name: f.Name, Position: f.Position, PauseStatuses: keys(f.Pause),
		Targets: sla.TargetMinutes{FirstResponse: number("targets.first_response", f.FirstResponse),
			NextResponse: number("targets.next_response", f.NextResponse), Resolution: number("targets.resolution", f.Resolution)},
		Match: sla.Match{Teams: keys(f.Teams), Channels: []string{}, Priorities: []int{}, Companies: f.Companies}}
	if w := number("warn_minutes", f.Warn); w != nil {
		in.WarnMinutes = *w
	}
	for p := range 4 {
		if f.Priorities[p] {
			in.Match.Priorities = append(in.Match.Priorities, p)
		}
	}
	for _, c := range slaChannels {
		if f.Channels[c] {
			in.Match.Channels = append(in.Match.Channels, c)
		}
	}
	for _, t := range strings.Split(f.Tags, ",") {
		if t = strings.TrimSpace(t); t != "" {
			in.Match.Tags = append(in.Match.Tags, t)
		}
	}
	if id, err := strconv.ParseInt(f.Calendar, 10, 64); err == nil && id > 0 {
		in.CalendarID = &id
	}
	return in, bad
}

func keys(m map[int64]bool) []int64 {
	out := []int64{}
	for id, on := range m {
		if on {
			out = append(out, id)
		}
	}
	return out
}

var slaChannels = []string{"email", "web_form", "widget", "chat", "manual", "api"}

// slaView fills the choices of the form page.
func (u *UI) slaView(r *http.Request, id int64, f SLAPolicyForm) (SLAPolicyView, error) {
	v := SLAPolicyView{SettingsBase: u.settingsBase(r, "sla"), ID: id, Form: f, Priority: []string{"Low", "Medium", "High", "Urgent"}}
	for _, c := range slaChannels {
		v.Channels = append(v.Channels, Option{Value: c, Label: channelLabel(ticket.Channel(c))})
	}
	var err error
	if v.Teams, err = u.s.Teams.List(r.Context()); err != nil {
		return v, err
	}
	if v.Pipelines, err = u.s.Pipelines.List(r.Context()); err != nil {
		return v, err
	}
	v.Calendars, err = u.s.Calendars.List(r.Context())
	return v, err
}

// GroupError joins the messages of a list's items ("match.teams[1]").
func (v SLAPolicyView) GroupError(prefix string) string {
	var msgs []string
	for k, m := range v.Errors {
		if k == prefix || strings.HasPrefix(k, prefix+"[") {
			msgs = append(msgs, m)
		}
	}
	slices.Sort(msgs)
	return strings.Join(msgs, " ")
}

// TargetFields are the three target inputs with their errors.
func (v SLAPolicyView) TargetFields() []SField {
	return []SField{
		{ID: "first_response", Label: "First response", Value: v.Form.FirstResponse, Error: v.Errors["targets.first_response"]},
		{ID: "next_response", Label: "Next response", Value: v.Form.NextResponse, Error: v.Errors["targets.next_response"]},
		{ID: "resolution", Label: "Resolution", Value: v.Form.Resolution, Error: v.Errors["targets.resolution"]},
	}
}
