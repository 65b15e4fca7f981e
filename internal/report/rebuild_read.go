package report

import (
	"context"
	"encoding/json"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// chunk is what a rebuild reads of the tickets first..last (ids): one
// query per table instead of one per ticket.
type chunk struct {
	tickets map[int64]ticketNow
	history map[int64][]historyEvent
	replies map[int64][]step
	tags    map[int64][]string
}

func readChunk(ctx context.Context, q db.Querier, first, last int64) (*chunk, error) {
	c := &chunk{tickets: map[int64]ticketNow{}, history: map[int64][]historyEvent{}, replies: map[int64][]step{},
		tags: map[int64][]string{}}
	for _, read := range []func(context.Context, db.Querier, int64, int64) error{c.readTickets, c.readHistory,
		c.readReplies, c.readTags} {
		if err := read(ctx, q, first, last); err != nil {
			return nil, err
		}
	}
	return c, nil
}

const chunkTicketsSQL = `SELECT t.id, t.team_id, t.channel, t.priority, COALESCE(t.assignee_id, 0), t.created_at,
	t.is_open, COALESCE(t.sla, ''), CASE WHEN COALESCE(t.sla_calendar_id, 0) <> 0 THEN t.sla_calendar_id
	ELSE COALESCE(tm.calendar_id, 0) END, COALESCE(t.sla_policy_id, 0), t.pipeline_id, t.updated_at, t.closed_at
	FROM tickets t JOIN teams tm ON tm.id = t.team_id WHERE t.id >= $1 AND t.id <= $2`

func (c *chunk) readTickets(ctx context.Context, q db.Querier, first, last int64) error {
	return eachRow(ctx, q, chunkTicketsSQL, first, last, func(scan func(...any) error) error {
		var id int64
		var t ticketNow
		err := scan(&id, &t.team, &t.channel, &t.priority, &t.operator, &t.createdAt, &t.isOpen, &t.sla,
			&t.calendarID, &t.policyID, &t.pipelineID, &t.updatedAt, &t.closedAt)
		c.tickets[id] = t
		return err
	})
}

func (c *chunk) readHistory(ctx context.Context, q db.Querier, first, last int64) error {
	return eachRow(ctx, q, `SELECT ticket_id, kind, data, created_at FROM ticket_events
		WHERE ticket_id >= $1 AND ticket_id <= $2 ORDER BY ticket_id, id`, first, last, func(scan func(...any) error) error {
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

func (c *chunk) readReplies(ctx context.Context, q db.Querier, first, last int64) error {
	return eachRow(ctx, q, `SELECT ticket_id, COALESCE(author_operator_id, 0), created_at FROM messages
		WHERE ticket_id >= $1 AND ticket_id <= $2 AND kind = 'reply' ORDER BY ticket_id, created_at, id`, first, last,
		func(scan func(...any) error) error {
			var id int64
			f := ticket.ReportFact{Kind: ticket.ReportAnswer}
			err := scan(&id, &f.OperatorID, &f.At)
			c.replies[id] = append(c.replies[id], step{fact: f})
			return err
		})
}

func (c *chunk) readTags(ctx context.Context, q db.Querier, first, last int64) error {
	return eachRow(ctx, q, `SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id >= $1 AND ticket_id <= $2
		ORDER BY ticket_id, tag`, first, last, func(scan func(...any) error) error {
		var id int64
		var tag string
		err := scan(&id, &tag)
		c.tags[id] = append(c.tags[id], tag)
		return err
	})
}

// eachRow runs query with args and calls fn with each row's Scan.
func eachRow(ctx context.Context, q db.Querier, query string, first, last int64, fn func(scan func(...any) error) error) error {
	rows, err := q.QueryContext(ctx, query, first, last)
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
