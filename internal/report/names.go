package report

import (
	"context"
	"fmt"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// names maps what the history writes (team, operator and status names)
// back to ids and kinds, for a replay.
type names struct {
	teams, operators map[string]int64
	closed           map[string]bool           // status name -> closed, in the ticket's pipeline
	pipelines        map[int64]map[string]bool // pipeline -> its closed
}

// of is n for a ticket of pipeline id.
func (n names) of(pipeline int64) names {
	n.closed = n.pipelines[pipeline]
	return n
}

// readNames reads every team, operator and status name, once per rebuild.
func readNames(ctx context.Context, q db.Querier) (names, error) {
	n := names{teams: map[string]int64{}, operators: map[string]int64{}, pipelines: map[int64]map[string]bool{}}
	if err := pairs(ctx, q, `SELECT name, id FROM teams`, func(name string, id int64) { n.teams[name] = id }); err != nil {
		return n, err
	}
	if err := pairs(ctx, q, `SELECT name, id FROM operators`, func(name string, id int64) { n.operators[name] = id }); err != nil {
		return n, err
	}
	rows, err := q.QueryContext(ctx, `SELECT pipeline_id, name, kind = 'closed' FROM statuses`)
	if err != nil {
		return n, err
	}
	defer rows.Close()
	for rows.Next() {
		var pipeline int64
		var name string
		var closed bool
		if err := rows.Scan(&pipeline, &name, &closed); err != nil {
			return n, err
		}
		if n.pipelines[pipeline] == nil {
			n.pipelines[pipeline] = map[string]bool{}
		}
		n.pipelines[pipeline][name] = closed
	}
	return n, rows.Err()
}

func pairs(ctx context.Context, q db.Querier, query string, fn func(string, int64), args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var id int64
		if err := rows.Scan(&name, &id); err != nil {
			return err
		}
		fn(name, id)
	}
	return rows.Err()
}

// before is key k as it was before history event e.
func (n names) before(k key, e historyEvent) key {
	from := e.data["from"]
	switch e.kind {
	case ticket.EventTeam:
		if id, ok := n.teams[fmt.Sprint(from)]; ok {
			k.team = id
		}
	case ticket.EventPriority:
		if p, ok := from.(float64); ok {
			k.priority = int(p)
		}
	case ticket.EventAssignee:
		if !autoAssigned(e) {
			k.operator = n.operators[fmt.Sprint(from)] // nil reads as "<nil>": none
		}
	}
	return k
}

// factOf is the report fact of history event e, if it makes one.
func (n names) factOf(e historyEvent) ticket.ReportKind {
	switch e.kind {
	case ticket.EventCreated:
		return ticket.ReportCreated
	case ticket.EventReopened:
		return ticket.ReportReopened
	case ticket.EventStatus:
		if n.closed[fmt.Sprint(e.data["to"])] && !n.closed[fmt.Sprint(e.data["from"])] {
			return ticket.ReportClosed
		}
	case ticket.EventTeam, ticket.EventPriority:
		return ticket.ReportChanged
	case ticket.EventAssignee:
		if !autoAssigned(e) {
			return ticket.ReportChanged
		}
	}
	return ""
}

// autoAssigned: the entry is the team's assignment at creation, part of
// the creation itself (the record counts the ticket under its assignee).
func autoAssigned(e historyEvent) bool { return e.data["mode"] != nil }
