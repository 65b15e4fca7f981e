package sla

import (
	"context"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// readBatch reads the tickets ids and their histories in three queries
// (tickets, tags when a selector reads them, events), not two or three
// per ticket: what a recomputation of many tickets spends most on.
func readBatch(ctx context.Context, q db.Querier, ids []int64, snap *snapshot) ([]*ticketRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := inList(ids)
	rows, err := q.QueryContext(ctx, `SELECT `+rowColumns+` WHERE t.id IN (`+in+`) ORDER BY t.id`, args...)
	if err != nil {
		return nil, err
	}
	var out []*ticketRow
	byID := map[int64]*ticketRow{}
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		r.histRead, r.hist = true, r.started(snap)
		out, byID[r.id] = append(out, r), r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if snap.needTags {
		if err := batchTags(ctx, q, in, args, byID); err != nil {
			return nil, err
		}
	}
	return out, batchHistory(ctx, q, in, args, byID, snap)
}

func inList(ids []int64) (string, []any) {
	marks := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		marks[i], args[i] = "$"+strconv.Itoa(i+1), id
	}
	return strings.Join(marks, ", "), args
}

func batchTags(ctx context.Context, q db.Querier, in string, args []any, byID map[int64]*ticketRow) error {
	rows, err := q.QueryContext(ctx, `SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id IN (`+in+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var tag string
		if err := rows.Scan(&id, &tag); err != nil {
			return err
		}
		if r := byID[id]; r != nil {
			r.facts.Tags = append(r.facts.Tags, tag)
		}
	}
	return rows.Err()
}

func batchHistory(ctx context.Context, q db.Querier, in string, args []any, byID map[int64]*ticketRow, snap *snapshot) error {
	rows, err := q.QueryContext(ctx, `SELECT ticket_id, kind, at, COALESCE(status_id, 0), closed, COALESCE(policy_id, 0),
		COALESCE(calendar_id, 0) FROM sla_events WHERE ticket_id IN (`+in+`) ORDER BY ticket_id, at, id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, policy, cal int64
		var kind string
		var e Event
		if err := rows.Scan(&id, &kind, &e.At, &e.Status, &e.Closed, &policy, &cal); err != nil {
			return err
		}
		e.Kind = kinds[kind]
		if e.Kind == Created || e.Kind == PolicyChanged {
			e.Policy = snap.policy(policy, cal)
		}
		if r := byID[id]; r != nil {
			r.hist = append(r.hist, e)
		}
	}
	for _, r := range byID {
		r.hist = creationFirst(r.hist)
	}
	return rows.Err()
}
