package automation

import (
	"fmt"
	"slices"
	"strings"
)

// condFields are the fields a condition can read, with the kind of value
// each holds.
var condFields = map[string]string{
	"status": "text", "priority": "number", "team": "text", "assignee": "text", "tags": "list",
	"subject": "text", "channel": "text", "pipeline": "number", "contact.email": "text",
	"contact.name": "text", "contact.company": "text", "actor": "text", "inside_business_hours": "bool",
	// the ticket_updated field names, for when.fields
	"contact": "text", "fields": "text",
}

// kindOf is the kind of value field holds.
func (k *checker) kindOf(field string) string {
	if f, ok := strings.CutPrefix(field, "fields."); ok {
		switch k.fields[f] {
		case "number":
			return "number"
		case "checkbox":
			return "bool"
		case "multi_choice":
			return "list"
		}
		return "text"
	}
	return condFields[field]
}

func (k *checker) conds(r *Rule) error {
	k.c.Require(len(r.If) <= MaxGroups, "if", fmt.Sprintf("at most %d groups", MaxGroups))
	for g, group := range r.If {
		k.c.Require(len(group) > 0 && len(group) <= MaxConds, fmt.Sprintf("if[%d]", g),
			fmt.Sprintf("a group holds 1 to %d conditions", MaxConds))
		for i, cond := range group {
			k.cond(fmt.Sprintf("if[%d][%d]", g, i), cond)
		}
	}
	return nil
}

func (k *checker) cond(at string, c Cond) {
	if !k.known(c.Field) || c.Field == "contact" || c.Field == "fields" {
		k.c.Add(at+".field", fmt.Sprintf("no field %q", c.Field))
		return
	}
	if !slices.Contains(Ops, c.Op) {
		k.c.Add(at+".op", "must be one of "+strings.Join(Ops, ", "))
		return
	}
	kind := k.kindOf(c.Field)
	switch c.Op {
	case "is_set", "is_not_set":
		return
	case "gt", "lt":
		_, ok := number(c.Value)
		k.c.Require(kind == "number", at+".op", "gt and lt compare numbers")
		k.c.Require(ok, at+".value", "must be a number")
	case "in":
		list, ok := c.Value.([]any)
		k.c.Require(ok && len(list) > 0, at+".value", "must be a list of values")
	default:
		k.checkValue(at+".value", kind, c.Value)
	}
	if c.Field == "actor" {
		s, _ := c.Value.(string)
		k.c.Require(c.Op == "in" || slices.Contains(actors, s), at+".value", "must be one of "+strings.Join(actors, ", "))
	}
}

var actors = []string{"customer", "operator", "automation", "system"}

func (k *checker) checkValue(at, kind string, v any) {
	switch kind {
	case "number":
		_, ok := number(v)
		k.c.Require(ok, at, "must be a number")
	case "bool":
		_, ok := v.(bool)
		k.c.Require(ok, at, "must be true or false")
	default:
		_, isText := v.(string)
		_, isNum := number(v)
		k.c.Require(isText || isNum, at, "must be a text")
	}
}

// number reads a JSON number (or a Go int a caller built a rule with).
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	}
	return 0, false
}

func (k *checker) actions(r *Rule) error {
	k.c.Require(len(r.Then) > 0 && len(r.Then) <= MaxActions, "then", fmt.Sprintf("a rule does 1 to %d things", MaxActions))
	for i := range r.Then {
		if err := k.action(fmt.Sprintf("then[%d]", i), &r.Then[i]); err != nil {
			return err
		}
	}
	return nil
}

func (k *checker) action(at string, a *Action) error {
	switch a.Action {
	case "set_status":
		_, err := k.status(at+".status", a.Status)
		return err
	case "set_priority":
		k.c.Require(a.Priority != nil && *a.Priority >= 0 && *a.Priority <= 3, at+".priority", "must be 0, 1, 2 or 3")
	case "set_team":
		return k.ref(at+".team", `SELECT count(*) FROM teams WHERE CAST(id AS TEXT) = $1 OR slug = $1`, a.Team, "team")
	case "set_assignee":
		return k.assignee(at, a)
	case "set_field":
		f, ok := strings.CutPrefix(a.Field, "fields.")
		_, has := k.fields[f]
		k.c.Require(ok && has, at+".field", fmt.Sprintf("no custom field %q for the rule's scope", a.Field))
	case "add_tags", "remove_tags":
		k.c.Require(len(a.Tags) > 0, at+".tags", "name at least one tag")
	case "mail_customer":
		k.mailCustomer(at, a)
	case "add_note":
		k.c.Text(at+".body", a.Body)
		k.c.Require(strings.TrimSpace(a.Body) != "", at+".body", "is required")
	case "notify":
		return k.notify(at, a)
	case "call_webhook":
		return k.ref(at+".webhook", `SELECT count(*) FROM webhooks WHERE CAST(id AS TEXT) = $1`, itoa(a.Webhook), "webhook")
	default:
		k.c.Add(at+".action", "must be one of "+strings.Join(Actions, ", "))
	}
	return nil
}

func (k *checker) ref(field, query, ref, what string) error {
	n, err := k.count(query, strings.TrimSpace(ref))
	if err != nil {
		return err
	}
	k.c.Require(n > 0, field, fmt.Sprintf("no %s %q", what, ref))
	return nil
}

func (k *checker) assignee(at string, a *Action) error {
	switch a.Assignee {
	case "":
		return nil
	case "round_robin", "fewest_open":
		k.c.Require(k.team != 0, at+".assignee", "round_robin and fewest_open pick from a team: scope the rule to a team")
		return nil
	}
	return k.ref(at+".assignee", `SELECT count(*) FROM operators WHERE active AND (CAST(id AS TEXT) = $1 OR lower(email) = lower($1))`,
		a.Assignee, "active operator")
}

func (k *checker) mailCustomer(at string, a *Action) {
	k.c.Require(a.Template == "received" || a.Template == "closed", at+".template", "must be received or closed")
	if a.Subject == "" && a.Body == "" {
		return
	}
	if k.mail == nil {
		return
	}
	for f, msg := range k.mail.CheckTemplate(a.Subject, a.Body) {
		k.c.Add(at+"."+f, msg)
	}
}

var notifyTargets = []string{"user", "team", "assignee", "team_lead"}

func (k *checker) notify(at string, a *Action) error {
	if !slices.Contains(notifyTargets, a.To) {
		k.c.Add(at+".to", "must be one of "+strings.Join(notifyTargets, ", "))
		return nil
	}
	if a.To == "user" {
		return k.ref(at+".user", `SELECT count(*) FROM operators WHERE active AND (CAST(id AS TEXT) = $1 OR lower(email) = lower($1))`,
			a.User, "active operator")
	}
	return nil
}

// selfLoop refuses a rule whose actions would raise its own event again:
// entering Waiting and then setting Waiting, a priority change that sets
// the priority.
func (k *checker) selfLoop(r *Rule) {
	for i, a := range r.Then {
		if why := loops(r.When, a); why != "" {
			k.c.Add(fmt.Sprintf("then[%d].action", i), why)
		}
	}
}

func loops(w When, a Action) string {
	const msg = "would trigger this rule again (%s): the rule would loop"
	switch {
	case w.Event == "status_entered" && a.Action == "set_status" && (w.Status == "" || strings.EqualFold(w.Status, a.Status)):
		return fmt.Sprintf(msg, "it listens to entering the status it sets")
	case w.Event == "priority_changed" && a.Action == "set_priority",
		w.Event == "assignee_changed" && a.Action == "set_assignee",
		w.Event == "note_added" && a.Action == "add_note":
		return fmt.Sprintf(msg, w.Event+" and "+a.Action)
	case w.Event == "ticket_updated" && updates(w.Fields, a):
		return fmt.Sprintf(msg, "it listens to the field it changes")
	}
	return ""
}

// updates reports whether a changes one of fields (none named: any).
func updates(fields []string, a Action) bool {
	var f string
	switch a.Action {
	case "set_status", "set_priority", "set_team", "set_assignee":
		f = map[string]string{"set_status": "status", "set_priority": "priority", "set_team": "team",
			"set_assignee": "assignee"}[a.Action]
	case "add_tags", "remove_tags":
		f = "tags"
	case "set_field":
		f = a.Field
	default:
		return false
	}
	return len(fields) == 0 || slices.Contains(fields, f)
}
