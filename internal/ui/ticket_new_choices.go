package ui

import (
	"context"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// newTicketChoices fills the team (the operator's own first, when the
// form has none yet), assignee and status choices of the new-ticket form.
func (u *UI) newTicketChoices(ctx context.Context, me int64, v *NewTicketView) error {
	teams, err := u.s.Teams.List(ctx)
	if err != nil {
		return err
	}
	mine, err := u.s.Operators.Teams(ctx, me)
	if err != nil {
		return err
	}
	for i, t := range teams {
		if v.Form.Team == "" && (slices.Contains(mine, t.ID) || (len(mine) == 0 && i == 0)) {
			v.Form.Team = id64(t.ID)
		}
		v.Teams = append(v.Teams, Option{Value: id64(t.ID), Label: t.Name, Selected: id64(t.ID) == v.Form.Team})
	}
	ops, err := u.s.Operators.List(ctx)
	if err != nil {
		return err
	}
	v.Assignees = []Option{{Value: "", Label: "The team", Selected: v.Form.Assignee == ""}}
	for _, o := range ops {
		if o.Active {
			v.Assignees = append(v.Assignees, Option{Value: id64(o.ID), Label: o.Name, Selected: id64(o.ID) == v.Form.Assignee})
		}
	}
	pipelines, err := u.s.Pipelines.List(ctx)
	if err != nil {
		return err
	}
	v.Statuses = []Option{{Value: "", Label: "The first open status", Selected: v.Form.Status == ""}}
	for _, p := range pipelines {
		for _, st := range p.Statuses {
			if st.Kind == pipeline.Open && !slices.ContainsFunc(v.Statuses, func(o Option) bool { return strings.EqualFold(o.Value, st.Name) }) {
				v.Statuses = append(v.Statuses, Option{Value: st.Name, Label: st.Name, Selected: strings.EqualFold(st.Name, v.Form.Status)})
			}
		}
	}
	return nil
}

// splitList reads a comma- or line-separated list as typed.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ccOf is the Cc field as participants.
func ccOf(s string) []ticket.Participant {
	var out []ticket.Participant
	for _, a := range splitList(s) {
		out = append(out, ticket.Participant{Email: a})
	}
	return out
}

// fieldRoot is the field a domain key names: tags for tags[2].
func fieldRoot(key string) string {
	if i := strings.IndexByte(key, '['); i > 0 {
		return key[:i]
	}
	return key
}
