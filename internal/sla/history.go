package sla

import (
	"context"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketRow is what the SLA keeper reads of a ticket.
type ticketRow struct {
	id          int64
	facts       Facts
	policy, cal int64  // in force before this change
	stored      string // the sla JSON stored
	notified    string
	created     time.Time
	status      int64
	open        bool
	answered    *time.Time
	state       ticket.ClockState // what was stored
	zone        string            // of the calendar in force
	// as stored, to skip a write that would change nothing
	storedPolicy, storedCal int64
	storedState, storedNote string
	storedCheck             *time.Time
	// start is the creation step kept on the row (status 0: it is a row
	// of sla_events, or the ticket has no history yet).
	start struct{ status, policy, cal int64 }
	// hist is the history read with a batch (histRead), else read alone.
	hist     []Event
	histRead bool
}

const rowQuery = `SELECT ` + rowColumns + ` WHERE t.id = $1`

const rowColumns = `t.team_id, t.priority, t.channel, COALESCE(c.company_id, 0), COALESCE(t.sla_policy_id, 0),
	COALESCE(t.sla_calendar_id, 0), COALESCE(t.sla, ''), t.sla_notified, t.created_at, t.status_id, t.is_open,
	t.first_response_at, t.sla_state, t.sla_check_at, COALESCE(t.sla_start_status_id, 0),
	COALESCE(t.sla_start_policy_id, 0), COALESCE(t.sla_start_calendar_id, 0), t.id
	FROM tickets t JOIN contacts c ON c.id = t.contact_id`

func readTicket(ctx context.Context, q db.Querier, id int64, snap *snapshot) (*ticketRow, error) {
	r, err := scanRow(q.QueryRowContext(ctx, rowQuery, id))
	if err != nil || !snap.needTags {
		return r, err
	}
	rows, err := q.QueryContext(ctx, `SELECT tag FROM ticket_tags WHERE ticket_id = $1`, id)
	if err != nil {
		return r, err
	}
	defer rows.Close()
	for rows.Next() {
		var tag string
		if err := rows.Scan(&tag); err != nil {
			return r, err
		}
		r.facts.Tags = append(r.facts.Tags, tag)
	}
	return r, rows.Err()
}

// history reads the clock's events of row's ticket in time order, each
// policy built as it stands now (a changed policy or calendar applies to
// the whole history: recomputation without drift). Events dated before
// the creation (imports) count at the creation.
func history(ctx context.Context, q db.Querier, row *ticketRow, snap *snapshot) ([]Event, error) {
	rows, err := q.QueryContext(ctx, `SELECT kind, at, COALESCE(status_id, 0), closed, COALESCE(policy_id, 0),
		COALESCE(calendar_id, 0) FROM sla_events WHERE ticket_id = $1 ORDER BY at, id`, row.id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := row.started(snap)
	for rows.Next() {
		var kind string
		var e Event
		var policy, cal int64
		if err := rows.Scan(&kind, &e.At, &e.Status, &e.Closed, &policy, &cal); err != nil {
			return nil, err
		}
		e.Kind = kinds[kind]
		if e.Kind == Created || e.Kind == PolicyChanged {
			e.Policy = snap.policy(policy, cal)
		}
		out = append(out, e)
	}
	return creationFirst(out), rows.Err()
}

// started is the history's first event when the ticket keeps its
// creation step on its row.
func (r *ticketRow) started(snap *snapshot) []Event {
	if r.start.status == 0 {
		return nil
	}
	return []Event{{At: db.Norm(r.created), Kind: Created, Status: r.start.status,
		Policy: snap.policy(r.start.policy, r.start.cal)}}
}

var kinds = map[string]Kind{"created": Created, "status": StatusEntered, "answer": PublicAnswer,
	"customer": CustomerMessage, "policy": PolicyChanged}

// creationFirst moves the creation to the front, and anything dated
// before it to its time, so the clock reads a well-formed history.
func creationFirst(events []Event) []Event {
	for i, e := range events {
		if e.Kind != Created {
			continue
		}
		out := append([]Event{e}, events[:i]...)
		out = append(out, events[i+1:]...)
		for j := range out {
			out[j].At = later(out[j].At, e.At)
		}
		return out
	}
	return nil
}

// backfill writes the history of a ticket from before SLA events were
// kept: created in its current status under the policy that applies now,
// and its first response if it had one.
func backfill(ctx context.Context, q db.Querier, row *ticketRow, snap *snapshot, pid, cal int64) ([]Event, error) {
	created := db.Norm(row.created)
	if err := insertEvent(ctx, q, row.id, "created", created, row.status, !row.open, pid, cal); err != nil {
		return nil, err
	}
	out := []Event{{At: created, Kind: Created, Status: row.status, Closed: !row.open, Policy: snap.policy(pid, cal)}}
	if row.answered != nil {
		at := later(db.Norm(*row.answered), created)
		if err := insertEvent(ctx, q, row.id, "answer", at, 0, false, 0, 0); err != nil {
			return nil, err
		}
		out = append(out, Event{At: at, Kind: PublicAnswer})
	}
	return out, nil
}

func scanRow(row interface{ Scan(...any) error }) (*ticketRow, error) {
	r := &ticketRow{}
	f := &r.facts
	err := row.Scan(&f.TeamID, &f.Priority, &f.Channel, &f.CompanyID, &r.policy, &r.cal, &r.stored, &r.notified,
		&r.created, &r.status, &r.open, &r.answered, &r.storedState, &r.storedCheck, &r.start.status, &r.start.policy,
		&r.start.cal, &r.id)
	r.storedPolicy, r.storedCal, r.storedNote = r.policy, r.cal, r.notified
	return r, err
}
