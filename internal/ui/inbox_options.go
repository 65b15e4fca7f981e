package ui

import (
	"context"
	"fmt"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// InboxFilters is the filter bar: the chosen values and each menu's options.
type InboxFilters struct {
	View, Status, Tag, Q                   string
	Teams, Priorities, Assignees, Channels []Option
	Active                                 bool // some filter narrows the view
}

// inboxChannels are the channels the filter offers, in menu order.
var inboxChannels = []ticket.Channel{ticket.Email, ticket.WebForm, ticket.Widget, ticket.Chat, ticket.Manual, ticket.API}

// inboxFilters fills the filter bar for q: teams and active operators
// come from their services.
func (u *UI) inboxFilters(ctx context.Context, q inboxQuery) (InboxFilters, error) {
	f := InboxFilters{View: q.View, Status: q.Status, Tag: q.Tag, Q: q.Q, Active: q.filtered()}
	teams, err := u.s.Teams.List(ctx)
	if err != nil {
		return f, err
	}
	ops, err := u.s.Operators.List(ctx)
	if err != nil {
		return f, err
	}
	f.Teams = []Option{{Label: "Any team"}}
	for _, t := range teams {
		f.Teams = append(f.Teams, Option{Value: t.Slug, Label: t.Name})
	}
	f.Priorities = []Option{{Label: "Any priority"}}
	for i := ticket.MaxPriority; i >= 0; i-- {
		f.Priorities = append(f.Priorities, Option{Value: fmt.Sprint(i), Label: fmt.Sprintf("%d – %s", i, priorityNames[i])})
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
	mark(f.Teams, q.Team)
	mark(f.Priorities, q.Priority)
	mark(f.Assignees, q.Assignee)
	mark(f.Channels, q.Channel)
	return f, nil
}

// mark selects the option of value in opts.
func mark(opts []Option, value string) {
	for i := range opts {
		opts[i].Selected = opts[i].Value == value
	}
}
