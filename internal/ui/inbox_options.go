package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// InboxFilters is the filter bar: the chosen values and each menu's options.
type InboxFilters struct {
	View, Status, Tag, Q, Sort             string
	FactParams                             []Option // a report figure's days and narrowing, kept by the form (Label: name)
	Teams, Priorities, Assignees, Channels []Option
	SLAStates, Sorts                       []Option
	// Statuses are the names of every pipeline's statuses, once each: a
	// name filters or moves tickets of any pipeline that has it.
	Statuses []Option
	Active   bool // some filter narrows the view
	Custom   FieldFilters
}

// inboxChannels are the channels the filter offers, in menu order.
var inboxChannels = []ticket.Channel{ticket.Email, ticket.WebForm, ticket.Widget, ticket.Chat, ticket.Manual, ticket.API}

// inboxFilters fills the filter bar for q: the teams are those of the
// views (read once per page), active operators come from their service.
func (u *UI) inboxFilters(ctx context.Context, q inboxQuery, viewer int64, views []inboxView) (InboxFilters, error) {
	f := InboxFilters{View: q.View, Status: q.Status, Tag: q.Tag, Q: q.Q, Sort: q.Sort, Active: q.filtered(),
		FactParams: q.factParams()}
	ops, err := u.s.Operators.List(ctx)
	if err != nil {
		return f, err
	}
	f.Teams = []Option{{Label: "Any team"}}
	for _, v := range views {
		if v.teamID != 0 {
			f.Teams = append(f.Teams, Option{Value: v.team, Label: v.teamName})
		}
	}
	f.Priorities = []Option{{Label: "Any priority"}}
	for i := ticket.MaxPriority; i >= 0; i-- {
		f.Priorities = append(f.Priorities, Option{Value: fmt.Sprint(i), Label: priorityTitles[i]})
	}
	f.Assignees = []Option{{Label: "Anyone"}, {Value: "me", Label: "Me"}, {Value: "none", Label: "Unassigned"}}
	for _, o := range ops {
		if o.Active {
			f.Assignees = append(f.Assignees, Option{Value: id64(o.ID), Label: o.Name})
		}
	}
	f.Channels = []Option{{Label: "Any channel"}}
	for _, ch := range inboxChannels {
		f.Channels = append(f.Channels, Option{Value: string(ch), Label: channelLabel(ch)})
	}
	if f.Statuses, err = u.statusNames(ctx, viewer); err != nil {
		return f, err
	}
	f.SLAStates = []Option{{Label: "Any SLA state"}, {Value: "breached", Label: "Overdue"}, {Value: "warning", Label: "Due soon"},
		{Value: "running", Label: "Running"}, {Value: "paused", Label: "Paused"}, {Value: "met", Label: "Met"}}
	f.Sorts = []Option{{Label: "Priority, then activity"}, {Value: "waiting", Label: "Longest waiting"},
		{Value: "customer", Label: "Last customer message"}, {Value: "due", Label: "Due soonest"}}
	if q.View == "closed" && q.Status == "" {
		f.Sorts[0].Label = "Latest closed"
	}
	mark(f.SLAStates, q.SLA)
	mark(f.Sorts, q.Sort)
	mark(f.Teams, q.Team)
	mark(f.Statuses, q.Status)
	mark(f.Priorities, q.Priority)
	mark(f.Assignees, q.Assignee)
	mark(f.Channels, q.Channel)
	return f, nil
}

// statusNames lists the status names of the pipelines viewer may see, in
// pipeline order, each name once whatever its case.
func (u *UI) statusNames(ctx context.Context, viewer int64) ([]Option, error) {
	pls, err := u.visiblePipelines(ctx, viewer)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []Option
	for _, pl := range pls {
		for _, st := range pl.Statuses {
			if key := strings.ToLower(st.Name); !seen[key] {
				seen[key] = true
				out = append(out, Option{Value: st.Name, Label: st.Name})
			}
		}
	}
	return out, nil
}

// mark selects the option of value in opts.
func mark(opts []Option, value string) {
	for i := range opts {
		opts[i].Selected = strings.EqualFold(opts[i].Value, value)
	}
}
