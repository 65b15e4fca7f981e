package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/automation"
)

// RuleForm is a rule as its page shows and posts it: one row per
// condition (with its group number) and per action, each action's
// argument written in one box (see actionValue).
type RuleForm struct {
	Name, Pipeline, Team, Channel, Position string
	Event, Status, Anchor, After            string
	Enabled, AfterRules                     bool
	Conds                                   []CondRow
	Acts                                    []ActRow
}

// CondRow is one condition line.
type CondRow struct {
	Group                   int
	Field, Op, Value, Error string
}

// ActRow is one action line.
type ActRow struct {
	Action, Value, Error string
}

func ruleFormOf(r automation.Rule) RuleForm {
	f := RuleForm{Name: r.Name, Enabled: r.Enabled, Channel: r.Scope.Channel, Position: strconv.Itoa(r.Position),
		Event: r.When.Event, Status: r.When.Status, Anchor: r.When.Anchor, After: r.When.After, AfterRules: r.When.AfterRules}
	if r.Scope.Team != 0 {
		f.Team = id64(r.Scope.Team)
	}
	if r.Scope.Pipeline != 0 {
		f.Pipeline = id64(r.Scope.Pipeline)
	}
	for g, group := range r.If {
		for _, c := range group {
			f.Conds = append(f.Conds, CondRow{Group: g + 1, Field: c.Field, Op: c.Op, Value: condText(c.Value)})
		}
	}
	for _, a := range r.Then {
		f.Acts = append(f.Acts, ActRow{Action: a.Action, Value: actionValue(a)})
	}
	return f
}

func condText(v any) string {
	if list, ok := v.([]any); ok {
		parts := make([]string, len(list))
		for i, p := range list {
			parts[i] = fmt.Sprint(p)
		}
		return strings.Join(parts, ", ")
	}
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// actionValue is an action's argument as its box holds it.
func actionValue(a automation.Action) string {
	switch a.Action {
	case "set_status":
		return a.Status
	case "set_priority":
		if a.Priority != nil {
			return strconv.Itoa(*a.Priority)
		}
	case "set_team":
		return a.Team
	case "set_assignee":
		return a.Assignee
	case "set_field":
		return strings.TrimPrefix(a.Field, "fields.") + "=" + condText(a.Value)
	case "add_tags", "remove_tags":
		return strings.Join(a.Tags, ", ")
	case "mail_customer":
		return a.Template
	case "add_note":
		return a.Body
	case "notify":
		if a.To == "user" {
			return "user:" + a.User
		}
		return a.To
	case "call_webhook":
		if a.Webhook != 0 {
			return id64(a.Webhook)
		}
	}
	return ""
}

func ruleFormFrom(form url.Values) RuleForm {
	f := RuleForm{Name: form.Get("name"), Enabled: form.Get("enabled") == "true", Pipeline: form.Get("pipeline"),
		Team: form.Get("team"), Channel: form.Get("channel"), Position: strings.TrimSpace(form.Get("position")),
		Event: form.Get("event"), Status: form.Get("status"), Anchor: form.Get("anchor"), After: form.Get("after"),
		AfterRules: form.Get("after_rules") == "true"}
	groups, fields, ops, values := form["cond_group"], form["cond_field"], form["cond_op"], form["cond_value"]
	for i := range fields {
		g, _ := strconv.Atoi(at(groups, i))
		row := CondRow{Group: max(g, 1), Field: fields[i], Op: at(ops, i), Value: at(values, i)}
		if row.Field != "" {
			f.Conds = append(f.Conds, row)
		}
	}
	acts, avals := form["act_action"], form["act_value"]
	for i := range acts {
		if acts[i] != "" {
			f.Acts = append(f.Acts, ActRow{Action: acts[i], Value: at(avals, i)})
		}
	}
	return f
}

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return ""
}
