package report

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketNow is what the record reads of the changed ticket: one row by
// its key, inside the change's transaction.
type ticketNow struct {
	key
	createdAt  time.Time
	isOpen     bool
	sla        string
	calendarID int64
	policyID   int64
	pipelineID int64
	updatedAt  time.Time
	closedAt   *time.Time
	zone       string // the team's calendar's time zone, "" for UTC (read by Record only)
}

// state is what the record last knew of a ticket (report_tickets).
type state struct {
	key
	isOpen, answered bool
	createdAt        time.Time
}

// Record adds fact f of ticket id to the record, in the change's
// transaction: its events and the ticket's state, and its roll-up
// increments as one report_queue row that the roller adds to the
// roll-ups (roller.go). A change of team, priority or assignee since the
// last fact moves the ticket's open count to its new key first.
func (s *Service) Record(ctx context.Context, tx *db.Tx, id int64, f ticket.ReportFact) error {
	now, before, err := readTicket(ctx, tx, id)
	if err != nil {
		return err
	}
	out := newQueueSink(tx)
	r := newRecorder(tx, out)
	r.zones[now.team], r.known, r.knownCalendar = zoneOf(now.zone), &before, now.calendarID
	if !before.hasTags {
		r.tags[id] = nil
	}
	if err := r.record(ctx, id, f, now); err != nil {
		return err
	}
	return out.flush(ctx)
}

// record adds f given what the ticket is now (read from the ticket, or
// replayed from its history by Rebuild).
func (r *recorder) record(ctx context.Context, id int64, f ticket.ReportFact, now ticketNow) error {
	w := &writer{recorder: r, ctx: ctx, ticketID: id, at: f.At}
	before, known, err := r.readState(ctx, id)
	if err != nil {
		return err
	}
	if f.Kind == ticket.ReportCreated || !known {
		before = state{key: now.key, isOpen: now.isOpen, createdAt: now.createdAt}
	}
	if known && before.key != now.key {
		if err := w.rekey(before, now.key); err != nil {
			return err
		}
		before.key = now.key
	}
	after, err := w.apply(f, before, now)
	if err != nil {
		return err
	}
	return r.saveState(ctx, id, after)
}

// apply counts the fact itself and returns the ticket's new state.
func (w *writer) apply(f ticket.ReportFact, st state, now ticketNow) (state, error) {
	switch f.Kind {
	case ticket.ReportCreated:
		return st, w.created(now)
	case ticket.ReportAnswer:
		return w.answered(st, now, f.OperatorID)
	case ticket.ReportClosed:
		if !st.isOpen {
			return st, nil
		}
		st.isOpen = false
		return st, w.closed(st, now)
	case ticket.ReportReopened:
		if st.isOpen {
			return st, nil
		}
		st.isOpen = true
		return st, w.bump("reopened", st.key, counts{reopened: 1, openDelta: 1}, nil, "")
	}
	return st, nil
}

const ticketSQL = `SELECT t.team_id, t.channel, t.priority, COALESCE(t.assignee_id, 0), t.created_at, t.is_open,
	COALESCE(t.sla, ''), CASE WHEN COALESCE(t.sla_calendar_id, 0) <> 0 THEN t.sla_calendar_id
	ELSE COALESCE(tm.calendar_id, 0) END, COALESCE(t.sla_policy_id, 0), t.pipeline_id, t.updated_at, t.closed_at,
	COALESCE(c.time_zone, ''), rt.ticket_id IS NOT NULL, COALESCE(rt.team_id, 0), COALESCE(rt.channel, ''),
	COALESCE(rt.priority, 0), COALESCE(rt.operator_id, 0), COALESCE(rt.is_open, t.is_open),
	COALESCE(rt.answered, FALSE), rt.created_at, COALESCE(dc.time_zone, ''), COALESCE(dc.hours, ''),
	COALESCE(dc.exceptions, ''), EXISTS (SELECT 1 FROM ticket_tags tt WHERE tt.ticket_id = t.id)
	FROM tickets t JOIN teams tm ON tm.id = t.team_id LEFT JOIN calendars c ON c.id = tm.calendar_id
	LEFT JOIN calendars dc ON dc.id = CASE WHEN COALESCE(t.sla_calendar_id, 0) <> 0 THEN t.sla_calendar_id
	ELSE tm.calendar_id END
	LEFT JOIN report_tickets rt ON rt.ticket_id = t.id WHERE t.id = $1`

// readTicket reads the ticket, its team's zone, its calendar, whether it
// has tags and what the record knew of it (report_tickets) in one query:
// a fact is a few statements, each a round trip inside the change.
func readTicket(ctx context.Context, q db.Querier, id int64) (ticketNow, known, error) {
	var t ticketNow
	k := known{id: id}
	err := q.QueryRowContext(ctx, ticketSQL, id).Scan(&t.team, &t.channel, &t.priority, &t.operator,
		&t.createdAt, &t.isOpen, &t.sla, &t.calendarID, &t.policyID, &t.pipelineID, &t.updatedAt, &t.closedAt,
		&t.zone, &k.ok, &k.s.team, &k.s.channel, &k.s.priority, &k.s.operator, &k.s.isOpen, &k.s.answered,
		&k.createdAt, &k.calendar[0], &k.calendar[1], &k.calendar[2], &k.hasTags)
	if k.createdAt != nil {
		k.s.createdAt = *k.createdAt
	}
	return t, k, err
}

// known is what the live record read with ticket id: what it knew of the
// ticket before the fact (ok is false for a ticket it has not seen), the
// ticket's calendar as stored (zone, hours, exceptions; parsed when a
// duration needs it) and whether it has tags.
type known struct {
	id        int64
	s         state
	ok        bool
	createdAt *time.Time // NULL when the record has not seen it
	calendar  [3]string
	hasTags   bool
}

func ticketTags(ctx context.Context, q db.Querier, id int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT tag FROM ticket_tags WHERE ticket_id = $1 ORDER BY tag`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var tag string
		if err := rows.Scan(&tag); err != nil {
			return nil, err
		}
		out = append(out, tag)
	}
	return out, rows.Err()
}

// readState is what the record knows of ticket id: from the rebuild's
// chunk when it is there, else from report_tickets.
func (r *recorder) readState(ctx context.Context, id int64) (state, bool, error) {
	if r.states != nil {
		s, ok := r.states[id]
		return s, ok, nil
	}
	if r.known != nil && r.known.id == id {
		return r.known.s, r.known.ok, nil
	}
	var s state
	err := r.tx.QueryRowContext(ctx, `SELECT team_id, channel, priority, operator_id, is_open, answered, created_at
		FROM report_tickets WHERE ticket_id = $1`, id).Scan(&s.team, &s.channel, &s.priority, &s.operator,
		&s.isOpen, &s.answered, &s.createdAt)
	if errors.Is(err, sql.ErrNoRows) {
		return s, false, nil
	}
	return s, err == nil, err
}

func (r *recorder) saveState(ctx context.Context, id int64, s state) error {
	if r.states != nil {
		r.states[id] = s
		return nil
	}
	_, err := r.tx.ExecContext(ctx, `INSERT INTO report_tickets (ticket_id, team_id, channel, priority, operator_id,
		is_open, answered, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (ticket_id) DO UPDATE SET team_id = excluded.team_id, channel = excluded.channel,
		priority = excluded.priority, operator_id = excluded.operator_id, is_open = excluded.is_open,
		answered = excluded.answered, created_at = excluded.created_at`,
		id, s.team, s.channel, s.priority, s.operator, s.isOpen, s.answered, db.Norm(s.createdAt))
	return err
}
