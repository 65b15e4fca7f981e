package report

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// chunk is what a rebuild reads of a chunk of tickets: one query per
// table instead of one per ticket.
type chunk struct {
	tickets map[int64]ticketNow
	history map[int64][]historyEvent
	replies map[int64][]step
	tags    map[int64][]string
}

func readChunk(ctx context.Context, q db.Querier, ids []int64) (*chunk, error) {
	c := &chunk{tickets: map[int64]ticketNow{}, history: map[int64][]historyEvent{}, replies: map[int64][]step{},
		tags: map[int64][]string{}}
	in := idList(len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	for _, read := range []func(context.Context, db.Querier, string, []any) error{c.readTickets, c.readHistory,
		c.readReplies, c.readTags} {
		if err := read(ctx, q, in, args); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// idList is "($1, …, $n)".
func idList(n int) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(i+1))
	}
	b.WriteByte(')')
	return b.String()
}

// The team's calendar by a subquery: with a join, SQLite's planner walks
// the few teams and scans each one's tickets for the ids.
const chunkTicketsSQL = `SELECT t.id, t.team_id, t.channel, t.priority, COALESCE(t.assignee_id, 0), t.created_at,
	t.is_open, COALESCE(t.sla, ''), CASE WHEN COALESCE(t.sla_calendar_id, 0) <> 0 THEN t.sla_calendar_id
	ELSE COALESCE((SELECT calendar_id FROM teams tm WHERE tm.id = t.team_id), 0) END, COALESCE(t.sla_policy_id, 0),
	t.pipeline_id, t.updated_at, t.closed_at FROM tickets t WHERE t.id IN `

func (c *chunk) readTickets(ctx context.Context, q db.Querier, in string, ids []any) error {
	return eachRow(ctx, q, chunkTicketsSQL+in, ids, func(scan func(...any) error) error {
		var id int64
		var t ticketNow
		err := scan(&id, &t.team, &t.channel, &t.priority, &t.operator, &t.createdAt, &t.isOpen, &t.sla,
			&t.calendarID, &t.policyID, &t.pipelineID, &t.updatedAt, &t.closedAt)
		c.tickets[id] = t
		return err
	})
}

func (c *chunk) readHistory(ctx context.Context, q db.Querier, in string, ids []any) error {
	return eachRow(ctx, q, `SELECT ticket_id, kind, data, created_at FROM ticket_events WHERE ticket_id IN `+in+`
		ORDER BY ticket_id, id`, ids, func(scan func(...any) error) error {
		var id int64
		var e historyEvent
		var raw string
		if err := scan(&id, &e.kind, &raw, &e.at); err != nil {
			return err
		}
		_ = json.Unmarshal([]byte(raw), &e.data) // a history entry without data changes no key
		c.history[id] = append(c.history[id], e)
		return nil
	})
}

func (c *chunk) readReplies(ctx context.Context, q db.Querier, in string, ids []any) error {
	return eachRow(ctx, q, `SELECT ticket_id, COALESCE(author_operator_id, 0), created_at FROM messages
		WHERE ticket_id IN `+in+` AND kind = 'reply' ORDER BY ticket_id, created_at, id`, ids,
		func(scan func(...any) error) error {
			var id int64
			f := ticket.ReportFact{Kind: ticket.ReportAnswer}
			err := scan(&id, &f.OperatorID, &f.At)
			c.replies[id] = append(c.replies[id], step{fact: f})
			return err
		})
}

func (c *chunk) readTags(ctx context.Context, q db.Querier, in string, ids []any) error {
	return eachRow(ctx, q, `SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id IN `+in+`
		ORDER BY ticket_id, tag`, ids, func(scan func(...any) error) error {
		var id int64
		var tag string
		err := scan(&id, &tag)
		c.tags[id] = append(c.tags[id], tag)
		return err
	})
}

// eachRow runs query with args and calls fn with each row's Scan.
func eachRow(ctx context.Context, q db.Querier, query string, args []any, fn func(scan func(...any) error) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
