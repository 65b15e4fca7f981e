package ui

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ReportForm holds the choices of the period and filter bar.
type ReportForm struct {
	Periods, Teams, Channels, Priorities, Operators, Times []Option
	From, To                                               string
	Range                                                  bool
}

func (u *UI) reportForm(r *http.Request, q reportQuery) (ReportForm, error) {
	f := ReportForm{From: q.From, To: q.To, Range: q.Period == "range"}
	f.Periods = options(q.Period, [][2]string{{"today", "Today"}, {"7d", "Last 7 days"}, {"30d", "Last 30 days"},
		{"range", "Chosen dates"}})
	f.Times = options(q.Time, [][2]string{{"", "Business hours"}, {"wall", "Wall clock"}})
	teams, err := u.s.Teams.List(r.Context())
	if err != nil {
		return f, err
	}
	mine := map[int64]bool{}
	for _, t := range teams {
		for _, m := range t.MemberIDs {
			mine[t.ID] = mine[t.ID] || m == me(r).ID
		}
	}
	f.Teams = []Option{{Label: "All my teams"}}
	if me(r).IsAdmin() {
		f.Teams[0].Label = "All teams"
	}
	for _, t := range teams {
		if me(r).IsAdmin() || mine[t.ID] {
			f.Teams = append(f.Teams, Option{Value: t.Slug, Label: t.Name, Selected: q.Team == t.Slug})
		}
	}
	f.Channels = []Option{{Label: "Any channel"}}
	for _, ch := range report.Channels {
		f.Channels = append(f.Channels, Option{Value: ch, Label: channelLabel(ticket.Channel(ch)), Selected: q.Channel == ch})
	}
	f.Priorities = []Option{{Label: "Any priority"}}
	for i := ticket.MaxPriority; i >= 0; i-- {
		f.Priorities = append(f.Priorities, Option{Value: strconv.Itoa(i), Label: fmt.Sprintf("%d – %s", i, priorityNames[i]),
			Selected: q.Priority == strconv.Itoa(i)})
	}
	ops, err := u.s.Operators.List(r.Context())
	if err != nil {
		return f, err
	}
	f.Operators = []Option{{Label: "Anyone"}}
	for _, o := range ops {
		f.Operators = append(f.Operators, Option{Value: id64(o.ID), Label: o.Name, Selected: q.Operator == id64(o.ID)})
	}
	return f, nil
}

func options(current string, pairs [][2]string) []Option {
	out := make([]Option, len(pairs))
	for i, p := range pairs {
		out[i] = Option{Value: p[0], Label: p[1], Selected: p[0] == current}
	}
	return out
}
