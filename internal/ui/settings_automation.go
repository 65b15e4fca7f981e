package ui

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/field"
)

// RuleView is the create and edit page of a rule.
type RuleView struct {
	SettingsBase
	ID        int64 // zero when creating
	Form      RuleForm
	Teams     []Option
	Pipelines []Option
	Channels  []Option
	Events    []Option
	Anchors   []Option
	Fields    []Option
	Ops       []Option
	Actions   []Option
	Matching  string // "Matches 3 open tickets now."
	// Webhooks name the webhooks a call_webhook line can call, by number.
	Webhooks string
	Firings  []FiringRow
	// The lines of the if and then lists, each with its choices, and a
	// blank one of each that the page's script copies.
	CondRows  []RowView
	ActRows   []RowView
	BlankCond RowView
	BlankAct  RowView
}

// RowView is one condition or action line with the choices it offers.
type RowView struct {
	Row     any
	Fields  []Option
	Ops     []Option
	Actions []Option
	Custom  string // a custom field the list does not name
}

// FiringRow is one of the rule's last firings.
type FiringRow struct {
	automation.Firing
	When Stamp
}

// Action is where the form posts.
func (v RuleView) Action() string {
	if v.ID == 0 {
		return "/settings/automations"
	}
	return "/settings/automations/" + id64(v.ID)
}

func (u *UI) settingsAutomationNew(w http.ResponseWriter, r *http.Request) error {
	f := RuleForm{Event: "answer_sent", Position: "0"}
	v, err := u.ruleView(r, 0, f)
	if err != nil {
		return err
	}
	return u.render(w, r, http.StatusOK, "settings_automation", "", v)
}

func (u *UI) settingsAutomationEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rule, err := u.s.Automations.Get(r.Context(), id)
	if err != nil {
		return err
	}
	v, err := u.ruleView(r, id, ruleFormOf(rule))
	if err != nil {
		return err
	}
	v.Flash = notice(r)
	if err := u.ruleFacts(r, &v, rule); err != nil {
		return err
	}
	return u.render(w, r, http.StatusOK, "settings_automation", "", v)
}

// ruleFacts adds what the rule would match now and its last firings.
func (u *UI) ruleFacts(r *http.Request, v *RuleView, rule automation.Rule) error {
	n, more, err := u.s.Automations.Matching(r.Context(), rule)
	if err != nil {
		return err
	}
	switch {
	case more:
		v.Matching = fmt.Sprintf("Its conditions match at least %d open tickets now.", n)
	case n == 1:
		v.Matching = "Its conditions match 1 open ticket now."
	default:
		v.Matching = fmt.Sprintf("Its conditions match %d open tickets now.", n)
	}
	fs, err := u.s.Automations.Firings(r.Context(), rule.ID, 20)
	now := time.Now()
	for _, f := range fs {
		v.Firings = append(v.Firings, FiringRow{Firing: f, When: stampOf(f.At, now)})
	}
	return err
}

// ruleView is the page for form f, its choices marked.
func (u *UI) ruleView(r *http.Request, id int64, f RuleForm) (RuleView, error) {
	v := RuleView{SettingsBase: u.settingsBase(r, "automations"), ID: id, Form: f}
	teams, err := u.teamOptions(r, f.Team)
	v.Teams = teams
	if err != nil {
		return v, err
	}
	v.Pipelines, err = u.pipelineOptions(r, f.Pipeline)
	if err != nil {
		return v, err
	}
	v.Webhooks, err = u.webhookNames(r)
	v.Channels = choiceOptions(append([]string{""}, "email", "web_form", "widget", "chat", "manual", "api"), f.Channel,
		func(c string) string {
			if c == "" {
				return "All channels"
			}
			return channelName(c)
		})
	v.Events = choiceOptions(automation.Events, f.Event, func(e string) string { return eventLabels[e] })
	v.Anchors = choiceOptions(automation.Anchors, f.Anchor, func(a string) string { return anchorLabels[a] })
	if err == nil {
		err = u.dateAnchors(r, &v)
	}
	v.Fields = choiceOptions(condFieldNames, "", func(s string) string { return s })
	v.Ops = choiceOptions(automation.Ops, "", func(s string) string { return opLabels[s] })
	v.Actions = choiceOptions(automation.Actions, "", func(s string) string { return actionLabels[s] })
	for _, c := range append(f.Conds, CondRow{Group: lastGroup(f.Conds)}) {
		row := RowView{Row: c, Fields: v.Fields, Ops: v.Ops}
		if strings.HasPrefix(c.Field, "fields.") {
			row.Custom = c.Field
		}
		v.CondRows = append(v.CondRows, row)
	}
	for _, a := range append(f.Acts, ActRow{}) {
		v.ActRows = append(v.ActRows, RowView{Row: a, Actions: v.Actions})
	}
	v.BlankCond = RowView{Row: CondRow{Group: lastGroup(f.Conds)}, Fields: v.Fields, Ops: v.Ops}
	v.BlankAct = RowView{Row: ActRow{}, Actions: v.Actions}
	return v, err
}

// dateAnchors adds the date fields to the anchors a time rule can count
// from.
func (u *UI) dateAnchors(r *http.Request, v *RuleView) error {
	defs, err := u.s.Fields.List(r.Context())
	for _, d := range defs {
		if d.Type == field.Date {
			name := "fields." + d.Name
			v.Anchors = append(v.Anchors, Option{Value: name, Label: "the date in “" + d.Label + "”", Selected: name == v.Form.Anchor})
		}
	}
	return err
}

// webhookNames lists the webhooks as "3 (CRM), 4 (Portal)".
func (u *UI) webhookNames(r *http.Request) (string, error) {
	ws, err := u.s.Webhooks.List(r.Context())
	var names []string
	for _, w := range ws {
		names = append(names, id64(w.ID)+" ("+w.Name+")")
	}
	return strings.Join(names, ", "), err
}

// lastGroup is the group a new condition line joins.
func lastGroup(conds []CondRow) int {
	if len(conds) == 0 {
		return 1
	}
	return conds[len(conds)-1].Group
}

func choiceOptions(values []string, selected string, label func(string) string) []Option {
	out := make([]Option, len(values))
	for i, s := range values {
		out[i] = Option{Value: s, Label: label(s), Selected: s == selected}
	}
	return out
}

var condFieldNames = []string{"status", "priority", "team", "assignee", "tags", "subject", "channel", "pipeline",
	"contact.email", "contact.name", "contact.company", "actor", "inside_business_hours"}

var anchorLabels = map[string]string{"created": "the ticket was created", "status_entered": "it entered its status",
	"last_customer_message": "the customer's last message", "last_public_answer": "the last answer to the customer",
	"sla_due": "its SLA due time"}

var opLabels = map[string]string{"is": "is", "is_not": "is not", "contains": "contains", "in": "is one of",
	"gt": "is more than", "lt": "is less than", "is_set": "is set", "is_not_set": "is not set"}

var actionLabels = map[string]string{"set_status": "Set status", "set_priority": "Set priority (0-3)",
	"set_team": "Move to team (slug)", "set_assignee": "Assign to (email, round_robin, fewest_open)",
	"set_field": "Set field (name=value)", "add_tags": "Add tags", "remove_tags": "Remove tags",
	"mail_customer": "Mail the customer (received, closed)", "add_note": "Add a note",
	"notify": "Notify (assignee, team, team_lead, user:email)", "call_webhook": "Call a webhook (its number)"}
