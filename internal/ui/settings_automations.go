package ui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// AutomationsView lists the rules and offers the ready ones.
type AutomationsView struct {
	SettingsBase
	Rules   []RuleRow
	Teams   []Option
	Presets []automation.PresetInfo
}

// RuleRow is one line of the list.
type RuleRow struct {
	ID        int64
	Name      string
	Enabled   bool
	Event     string
	Scope     string
	Position  int
	LastFired *Stamp
}

func (u *UI) settingsAutomations(w http.ResponseWriter, r *http.Request) error {
	rules, err := u.s.Automations.List(r.Context())
	if err != nil {
		return err
	}
	v := AutomationsView{SettingsBase: u.settingsBase(r, "automations"), Presets: automation.Presets}
	v.Flash = notice(r)
	teams, err := u.teamOptions(r, "")
	if err != nil {
		return err
	}
	v.Teams = teams[1:]
	names := map[string]string{}
	for _, t := range teams {
		names[t.Value] = t.Label
	}
	pipelines, err := u.pipelineOptions(r, "")
	if err != nil {
		return err
	}
	for _, p := range pipelines[1:] {
		names["p"+p.Value] = p.Label
	}
	now := time.Now()
	for _, rule := range rules {
		row := RuleRow{ID: rule.ID, Name: rule.Name, Enabled: rule.Enabled, Event: eventLabels[rule.When.Event],
			Scope: scopeText(rule.Scope, names), Position: rule.Position}
		if rule.LastFire != nil {
			s := stampOf(*rule.LastFire, now)
			row.LastFired = &s
		}
		v.Rules = append(v.Rules, row)
	}
	return u.render(w, r, http.StatusOK, "settings_automations", "", v)
}

// scopeText says a rule's scope; names holds the teams' names by id and
// the pipelines' by "p" and id.
func scopeText(s automation.Scope, names map[string]string) string {
	out := "All tickets"
	switch {
	case s.Team != 0:
		out = "Team " + names[id64(s.Team)]
	case s.Pipeline != 0:
		out = "Pipeline " + names["p"+id64(s.Pipeline)]
	}
	if s.Channel != "" {
		out += " · " + channelName(s.Channel)
	}
	return out
}

// teamOptions are "All teams" and every team, selected marked.
func (u *UI) teamOptions(r *http.Request, selected string) ([]Option, error) {
	teams, err := u.s.Teams.List(r.Context())
	out := []Option{{Value: "", Label: "All teams", Selected: selected == ""}}
	for _, t := range teams {
		out = append(out, Option{Value: id64(t.ID), Label: t.Name, Selected: id64(t.ID) == selected})
	}
	return out, err
}

// pipelineOptions are "All pipelines" and every pipeline, selected marked.
func (u *UI) pipelineOptions(r *http.Request, selected string) ([]Option, error) {
	ps, err := u.s.Pipelines.List(r.Context())
	out := []Option{{Value: "", Label: "All pipelines", Selected: selected == ""}}
	for _, p := range ps {
		out = append(out, Option{Value: id64(p.ID), Label: p.Name, Selected: id64(p.ID) == selected})
	}
	return out, err
}

// settingsAutomationPreset adds a ready rule, switched off, and opens it.
func (u *UI) settingsAutomationPreset(w http.ResponseWriter, r *http.Request) error {
	team, err := strconv.ParseInt(r.PostForm.Get("team"), 10, 64)
	if err != nil {
		return domain.Invalid("team", "choose a team")
	}
	rule, made, err := u.s.Automations.AddPreset(r.Context(), team, r.PostForm.Get("preset"))
	if err != nil {
		return err
	}
	done := "rule-created"
	if !made {
		done = "rule-exists"
	}
	http.Redirect(w, r, "/settings/automations/"+id64(rule.ID)+"?done="+done, http.StatusSeeOther)
	return nil
}

// eventLabels say each event as the settings pages show it.
var eventLabels = map[string]string{
	"ticket_created": "A ticket is created", "ticket_updated": "A ticket is changed",
	"status_entered": "A ticket enters a status", "status_left": "A ticket leaves a status",
	"customer_replied": "The customer replies", "answer_sent": "An answer is mailed to the customer",
	"note_added": "A note is added", "assignee_changed": "The assignee changes",
	"priority_changed": "The priority changes", "sla_warning": "An SLA target is about to be missed",
	"sla_breached": "An SLA target is missed", "sla_met": "An SLA target is met",
	"time_after": "Time passes after…",
}
