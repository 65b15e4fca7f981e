package ui

import (
	"context"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// factsOf turns created= or closed= into the list of the tickets behind
// that report figure: the team, channel, priority and assignee filters
// then mean what the tickets had when the fact happened (as the report
// counted them), and open and closed tickets are both listed.
func (u *UI) factsOf(ctx context.Context, q inboxQuery, f *ticket.Filter) error {
	kind, days := "created", q.Created
	if days == "" {
		kind, days = "closed", q.Closed
	}
	if days == "" {
		return nil
	}
	from, to, _ := ticket.ParseDays(days)
	facts := &ticket.Facts{Kind: kind, From: from, To: to, Channel: f.Channel, Priority: -1}
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
	facts.Operator, _ = strconv.ParseInt(q.Assignee, 10, 64)
	f.Facts, f.Kind, f.Team, f.Channel, f.Priority, f.Assignee = facts, "", "", "", nil, ""
	return nil
}

// factsLabel names a list opened from a report figure ("Created on Mon
// 30 Mar", "Closed Mon 30 Mar to Tue 31 Mar"); "" for a plain view.
func factsLabel(q inboxQuery) string {
	kind, days := "Created", q.Created
	if days == "" {
		kind, days = "Closed", q.Closed
	}
	from, to, ok := ticket.ParseDays(days)
	switch {
	case days == "" || !ok:
		return ""
	case from == to:
		return kind + " on " + shortDay(from)
	}
	return kind + " " + shortDay(from) + " to " + shortDay(to)
}

// noCurrent marks no tab as the current one: the list is none of them.
func noCurrent(tabs []Tab) []Tab {
	for i := range tabs {
		tabs[i].Current = false
	}
	return tabs
}
