package ui

import (
	"context"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// factKinds are the inbox parameters of report figures (each the name of
// its fact, ticket.FactKinds) and the words that name their lists.
var factKinds = []struct{ param, label string }{
	{"created", "Created"}, {"closed", "Closed"}, {"sla_missed", "SLA missed"}, {"offline", "Offline messages"},
}

// facts is the parameter and days of the report figure the query opens,
// if any.
func (q inboxQuery) facts() (param, days string) {
	for _, k := range factKinds {
		if d := q.factValue(k.param); d != "" {
			return k.param, d
		}
	}
	return "", ""
}

func (q inboxQuery) factValue(param string) string {
	return map[string]string{"created": q.Created, "closed": q.Closed, "sla_missed": q.SLAMissed,
		"offline": q.Offline}[param]
}

// factsDays is the days of a report figure the query opens, or "".
func (q inboxQuery) factsDays() string { _, d := q.facts(); return d }

// factParams are the report figure's parameters, for the filter bar's
// form to keep.
func (q inboxQuery) factParams() []Option {
	var out []Option
	for _, kv := range [][2]string{{"created", q.Created}, {"closed", q.Closed}, {"sla_missed", q.SLAMissed},
		{"offline", q.Offline}, {"target", q.Target}, {"policy", q.Policy}} {
		if kv[1] != "" {
			out = append(out, Option{Label: kv[0], Value: kv[1]})
		}
	}
	return out
}

// factsOf turns created=, closed=, sla_missed= or offline= into the list
// of the tickets behind that report figure: the team, channel, priority
// and assignee filters then mean what the tickets had when the fact
// happened (as the report counted them), and open and closed tickets are
// both listed.
func (u *UI) factsOf(ctx context.Context, q inboxQuery, f *ticket.Filter) error {
	kind, days := q.facts()
	if days == "" {
		return nil
	}
	from, to, _ := ticket.ParseDays(days)
	facts := &ticket.Facts{Kind: kind, From: from, To: to, Channel: f.Channel, Priority: -1, Target: q.Target}
	if f.Priority != nil {
		facts.Priority = *f.Priority
	}
	if q.Team != "" {
		t, err := u.s.Teams.Find(ctx, u.s.DB.Read, q.Team)
		if err != nil {
			return err
		}
		facts.TeamID = t.ID
	}
	facts.Policy, _ = strconv.ParseInt(q.Policy, 10, 64)
	facts.Operator, _ = strconv.ParseInt(q.Assignee, 10, 64)
	if q.Assignee == "none" {
		facts.Operator = -1
	}
	f.Facts, f.Kind, f.Team, f.Channel, f.Priority, f.Assignee = facts, "", "", "", nil, ""
	return nil
}

// factsLabel names a list opened from a report figure ("Created on Mon
// 30 Mar", "SLA missed Mon 30 Mar to Tue 31 Mar"); "" for a plain view.
func factsLabel(q inboxQuery) string {
	param, days := q.facts()
	from, to, ok := ticket.ParseDays(days)
	if days == "" || !ok {
		return ""
	}
	kind := ""
	for _, k := range factKinds {
		if k.param == param {
			kind = k.label
		}
	}
	if q.Target != "" {
		kind += map[string]string{"first_response": " (first response)", "resolution": " (resolution)"}[q.Target]
	}
	if from == to {
		return kind + " on " + shortDay(from)
	}
	return kind + " " + shortDay(from) + " to " + shortDay(to)
}

// factsNotice says what a list opened from a report figure holds.
func factsNotice(q inboxQuery, label string) string {
	param, _ := q.facts()
	switch param {
	case "sla_missed":
		return label + ": the tickets whose SLA target settled then, met late or breached, with the team, " +
			"channel, priority and operator they had then."
	case "offline":
		return label + ": the tickets that messages left on the chat's offline form became."
	}
	return label + ": the tickets a report counted, open and closed, with the team, channel, " +
		"priority and assignee they had then."
}

// noCurrent marks no tab as the current one: the list is none of them.
func noCurrent(tabs []Tab) []Tab {
	for i := range tabs {
		tabs[i].Current = false
	}
	return tabs
}
