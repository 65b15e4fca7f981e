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
