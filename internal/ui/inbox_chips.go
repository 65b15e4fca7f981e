package ui

import (
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/field"
)

// inboxChips are the filters that narrow the view, each shown as a chip
// whose link is the same address without it. Labels come from the filter
// menus, so a chip reads as the menu did ("Assignee: Kim", not an id).
func inboxChips(q inboxQuery, f InboxFilters, defs []field.Def) []Chip {
	var chips []Chip
	add := func(label string, without func(*inboxQuery)) {
		next := q
		next.Fields = slices.Clone(q.Fields)
		without(&next)
		chips = append(chips, Chip{Label: label, URL: next.url()})
	}
	if q.Q != "" {
		add("Words: "+q.Q, func(n *inboxQuery) { n.Q = "" })
	}
	menus := []struct {
		name, value string
		opts        []Option
		clear       func(*inboxQuery)
	}{
		{"Team", q.Team, f.Teams, func(n *inboxQuery) { n.Team = "" }},
		{"Status", q.Status, f.Statuses, func(n *inboxQuery) { n.Status = "" }},
		{"Priority", q.Priority, f.Priorities, func(n *inboxQuery) { n.Priority = "" }},
		{"Assignee", q.Assignee, f.Assignees, func(n *inboxQuery) { n.Assignee = "" }},
		{"Channel", q.Channel, f.Channels, func(n *inboxQuery) { n.Channel = "" }},
		{"Tag", q.Tag, nil, func(n *inboxQuery) { n.Tag = "" }},
		{"SLA", q.SLA, f.SLAStates, func(n *inboxQuery) { n.SLA = "" }},
	}
	for _, m := range menus {
		if m.value != "" {
			add(m.name+": "+optionLabel(m.opts, m.value), m.clear)
		}
	}
	for i, fv := range q.Fields {
		name, value, _ := strings.Cut(fv, ":")
		for _, d := range defs {
			if d.Name == name {
				name = d.Label
			}
		}
		add(name+": "+value, func(n *inboxQuery) { n.Fields = slices.Delete(n.Fields, i, i+1) })
	}
	return chips
}

// optionLabel is the label of value's option, or value itself.
func optionLabel(opts []Option, value string) string {
	for _, o := range opts {
		if strings.EqualFold(o.Value, value) {
			return o.Label
		}
	}
	return value
}
