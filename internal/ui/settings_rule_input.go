package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/automation"
)

// rule is the form as the automation service takes it; rows say which
// condition line each (group, index) came from, for placing errors.
func (f RuleForm) rule(id int64) (automation.Rule, map[string]int) {
	r := automation.Rule{ID: id, Name: f.Name, Enabled: f.Enabled, If: [][]automation.Cond{},
		Scope: automation.Scope{Channel: f.Channel},
		When: automation.When{Event: f.Event, Status: strings.TrimSpace(f.Status), Anchor: f.Anchor,
			After: strings.TrimSpace(f.After), AfterRules: f.AfterRules}}
	r.Scope.Team, _ = strconv.ParseInt(f.Team, 10, 64)
	r.Scope.Pipeline, _ = strconv.ParseInt(f.Pipeline, 10, 64)
	r.Position, _ = strconv.Atoi(f.Position)
	if r.When.Event != automation.TimeAfter {
		r.When.Anchor, r.When.After = "", ""
	}
	rows := map[string]int{}
	var order []int
	byGroup := map[int][]automation.Cond{}
	for i, c := range f.Conds {
		if !slices.Contains(order, c.Group) {
			order = append(order, c.Group)
		}
		g := slices.Index(order, c.Group)
		rows[fmt.Sprintf("if[%d][%d]", g, len(byGroup[c.Group]))] = i
		byGroup[c.Group] = append(byGroup[c.Group], automation.Cond{Field: c.Field, Op: c.Op, Value: condValue(c)})
	}
	for _, g := range order {
		r.If = append(r.If, byGroup[g])
	}
	for _, a := range f.Acts {
		r.Then = append(r.Then, actionOf(a))
	}
	return r, rows
}

// condValue types what was typed: a list for in, a number where one is
// compared, true or false for business hours.
func condValue(c CondRow) any {
	v := strings.TrimSpace(c.Value)
	switch {
	case c.Op == "is_set" || c.Op == "is_not_set":
		return nil
	case c.Op == "in":
		var out []any
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	case c.Field == "inside_business_hours" && (v == "true" || v == "false"):
		return v == "true"
	case c.Field == "priority" || c.Field == "pipeline" || c.Op == "gt" || c.Op == "lt":
		if n, err := strconv.ParseFloat(v, 64); err == nil {
			return n
		}
	}
	return v
}

// actionOf reads an action's box (see actionValue).
func actionOf(row ActRow) automation.Action {
	a := automation.Action{Action: row.Action}
	v := strings.TrimSpace(row.Value)
	switch row.Action {
	case "set_status":
		a.Status = v
	case "set_priority":
		if n, err := strconv.Atoi(v); err == nil {
			a.Priority = &n
		}
	case "set_team":
		a.Team = v
	case "set_assignee":
		a.Assignee = v
	case "set_field":
		name, value, _ := strings.Cut(v, "=")
		a.Field, a.Value = "fields."+strings.TrimSpace(name), strings.TrimSpace(value)
	case "add_tags", "remove_tags":
		for _, t := range strings.Split(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				a.Tags = append(a.Tags, t)
			}
		}
	case "mail_customer":
		a.Template = v
	case "add_note":
		a.Body = v
	case "call_webhook":
		a.Webhook, _ = strconv.ParseInt(v, 10, 64)
	case "notify":
		a.To = v
		if user, ok := strings.CutPrefix(v, "user:"); ok {
			a.To, a.User = "user", strings.TrimSpace(user)
		}
	}
	return a
}

// place puts the service's field errors on the form: a condition's or an
// action's message on its line, the rest by name.
func (f *RuleForm) place(fields map[string]string, rows map[string]int) map[string]string {
	rest := map[string]string{}
	for k, msg := range fields {
		msg = sentenceCase(msg)
		if cond, ok := condKey(k); ok {
			if i, has := rows[cond]; has {
				f.Conds[i].Error = msg
				continue
			}
		}
		var i int
		if _, err := fmt.Sscanf(k, "then[%d]", &i); err == nil && i < len(f.Acts) {
			f.Acts[i].Error = msg
			continue
		}
		rest[strings.TrimPrefix(strings.TrimPrefix(k, "when."), "scope.")] = msg
	}
	return rest
}

// condKey cuts "if[0][1].value" to "if[0][1]".
func condKey(k string) (string, bool) {
	if !strings.HasPrefix(k, "if[") {
		return "", false
	}
	end := strings.Index(k, "].")
	if end < 0 {
		return k, true
	}
	return k[:end+1], true
}
