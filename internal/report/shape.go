package report

import (
	"fmt"
	"strings"
)

// A report statement comes in one version per filter shape (which of
// team, channel, priority and operator it filters by), built once at
// start. Each states only its own predicates, so the planner sees the
// columns it can use; one statement with ($3 = 0 OR team_id = $3) for
// every filter left it the day range alone.
type shape uint8

const (
	byTeam shape = 1 << iota
	byChannel
	byPriority
	byOperator
	shapes = 16
)

// The filter columns in their order in a shape's parameters.
var shapeColumns = []struct {
	bit shape
	col string
}{{byTeam, "team_id"}, {byChannel, "channel"}, {byPriority, "priority"}, {byOperator, "operator_id"}}

// query is one statement per shape: {where} in its text stands for the
// shape's predicates, numbered from $first on.
type query [shapes]string

func newQuery(first int, text string) *query {
	var q query
	for sh := range shape(shapes) {
		q[sh] = strings.Replace(text, "{where}", predicates(sh, first), 1)
	}
	return &q
}

func predicates(sh shape, n int) string {
	var b strings.Builder
	for _, c := range shapeColumns {
		if sh&c.bit != 0 {
			fmt.Fprintf(&b, " AND %s = $%d", c.col, n)
			n++
		}
	}
	return b.String()
}

// shape is the filter's shape for team (0: every team) and the values of
// its predicates. In the sums (migration 0068) team 0 is a row of its
// own, the sums over every team, so summed always filters by team.
func (f Filter) shape(team int64, summed bool) (shape, []any) {
	var sh shape
	var args []any
	if team != 0 || summed {
		sh, args = sh|byTeam, append(args, team)
	}
	if f.Channel != "" {
		sh, args = sh|byChannel, append(args, f.Channel)
	}
	if f.Priority >= 0 {
		sh, args = sh|byPriority, append(args, f.Priority)
	}
	if f.Operator != 0 {
		sh, args = sh|byOperator, append(args, f.Operator)
	}
	return sh, args
}

// chatShape is shape for the chat roll-ups, keyed by team (0: none) and
// operator only: team 0 there is the chats of no team, so it filters by
// team only when one is asked.
func (f Filter) chatShape(team int64) (shape, []any) {
	var sh shape
	var args []any
	if team != 0 {
		sh, args = sh|byTeam, append(args, team)
	}
	if f.Operator != 0 {
		sh, args = sh|byOperator, append(args, f.Operator)
	}
	return sh, args
}

// plain: no channel, priority or operator, so the sums by team and day
// alone (durations, hours) answer it.
func (f Filter) plain() bool { return f.Channel == "" && f.Priority < 0 && f.Operator == 0 }

// run is a query for the period from..to in the shape of f for team.
func (f Filter) run(q *query, team int64, summed bool, from, to string) (string, []any) {
	sh, args := f.shape(team, summed)
	return q[sh], append([]any{from, to}, args...)
}
