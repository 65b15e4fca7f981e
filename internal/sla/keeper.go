package sla

import (
	"context"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// RecomputeJob is the job that recomputes every open ticket after a
// policy, a calendar or a team's calendar changed.
const RecomputeJob = "sla.recompute"

// Open chooses a new ticket's policy and computes its first state from
// the facts it came with, before its row is written (ticket.Clocks): the
// row is written once, with its SLA columns and its creation step, and
// nothing is read back.
func (s *Service) Open(ctx context.Context, tx *db.Tx, created ticket.ClockStep) (ticket.ClockColumns, error) {
	snap, err := s.snapshot(ctx, tx)
	if err != nil {
		return ticket.ClockColumns{}, err
	}
	row, err := newTicketRow(ctx, tx, snap, created.Facts)
	if err != nil {
		return ticket.ClockColumns{}, err
	}
	row.policy, row.cal = snap.choose(row.facts)
	status := created.StatusID
	start := ticket.ClockColumns{StartStatusID: &status, StartPolicyID: nullID(row.policy), StartCalendarID: nullID(row.cal)}
	if row.policy == 0 {
		return start, nil // no policy, no clock: only the step is kept
	}
	e := Event{At: db.Norm(created.At), Kind: Created, Status: status, Policy: snap.policy(row.policy, row.cal)}
	res, check, ok, err := s.replay(ctx, tx, row, []Event{e}, settleOpts{})
	if err != nil {
		return ticket.ClockColumns{}, err
	}
	c, err := project(row, res, check, ok)
	c.StartStatusID, c.StartPolicyID, c.StartCalendarID = start.StartStatusID, start.StartPolicyID, start.StartCalendarID
	return c, err
}

// Step records steps of ticket id's history and brings its SLA state up
// to date, inside the change's transaction (ticket.Clocks).
func (s *Service) Step(ctx context.Context, tx *db.Tx, id int64, steps []ticket.ClockStep) (ticket.ClockState, error) {
	snap, err := s.snapshot(ctx, tx)
	if err != nil {
		return ticket.ClockState{}, err
	}
	row, err := readTicket(ctx, tx, id, snap)
	if err != nil {
		return ticket.ClockState{}, err
	}
	var last time.Time
	var why string
	for _, st := range steps {
		at := db.Norm(st.At)
		last = later(last, at)
		if st.Kind == ticket.ClockReselect {
			why = joinWhy(why, st.Why)
			continue
		}
		if err := insertEvent(ctx, tx, id, string(st.Kind), at, st.StatusID, st.Closed, 0, 0); err != nil {
			return ticket.ClockState{}, err
		}
	}
	err = s.recompute(ctx, tx, row, snap, last, why, nil)
	return row.state, err
}

// recompute re-chooses the policy of row (a change recorded at at, for
// why), replays its history and stores the result; announce: the SLA
// worker, which writes and publishes warnings and breaches.
func (s *Service) recompute(ctx context.Context, tx *db.Tx, row *ticketRow, snap *snapshot, at time.Time,
	why string, out *[]published) error {
	hist, err := row.hist, error(nil)
	if !row.histRead {
		if hist, err = history(ctx, tx, row, snap); err != nil {
			return err
		}
	}
	pid, cal := snap.choose(row.facts)
	if len(hist) == 0 && pid == 0 {
		return nil // never had a clock and gets none
	}
	if len(hist) == 0 {
		if hist, err = backfill(ctx, tx, row, snap, pid, cal); err != nil {
			return err
		}
		row.policy, row.cal = pid, cal
	}
	opts := settleOpts{announce: out != nil, why: why, snap: snap, published: out}
	if pid != row.policy || cal != row.cal {
		at = later(later(at, s.now()), hist[len(hist)-1].At)
		if at.IsZero() {
			at = s.now()
		}
		if err := insertEvent(ctx, tx, row.id, "policy", at, 0, false, pid, cal); err != nil {
			return err
		}
		hist = append(hist, Event{At: at, Kind: PolicyChanged, Policy: snap.policy(pid, cal)})
		row.policy, row.cal, opts.changedAt, opts.loc = pid, cal, at, snap.location(cal)
	}
	return s.settle(ctx, tx, row, hist, opts)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func joinWhy(a, b string) string {
	if a == "" {
		return b
	}
	return a + ", " + b
}

// StatusMoved records, for the SLA clock of every ticket in status from,
// that it enters to (ticket.Clocks), and queues those tickets for the
// SLA worker, which recomputes them shortly after.
func (s *Service) StatusMoved(ctx context.Context, q db.Querier, from, to int64, closed bool, at time.Time) error {
	if _, err := q.ExecContext(ctx, `INSERT INTO sla_events (ticket_id, kind, at, status_id, closed)
		SELECT id, 'status', $2, $3, $4 FROM tickets WHERE status_id = $1`, from, db.Norm(at), to, closed); err != nil {
		return err
	}
	_, err := q.ExecContext(ctx, `UPDATE tickets SET sla_check_at = $2 WHERE status_id = $1 AND sla_policy_id IS NOT NULL`,
		from, db.Norm(at))
	return err
}

func insertEvent(ctx context.Context, q db.Querier, ticketID int64, kind string, at time.Time, status int64,
	closed bool, policy, cal int64) error {
	_, err := q.ExecContext(ctx, `INSERT INTO sla_events (ticket_id, kind, at, status_id, closed, policy_id, calendar_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, ticketID, kind, at, nullID(status), closed, nullID(policy), nullID(cal))
	return err
}

func nullID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// newTicketRow is a new ticket as the keeper needs it, from the facts it
// came with: its contact's company is read only if a policy selects on
// companies.
func newTicketRow(ctx context.Context, tx *db.Tx, snap *snapshot, f *ticket.ClockFacts) (*ticketRow, error) {
	row := &ticketRow{facts: Facts{TeamID: f.TeamID, Priority: f.Priority, Channel: f.Channel, Tags: f.Tags}}
	if !snap.needCompany {
		return row, nil
	}
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(company_id, 0) FROM contacts WHERE id = $1`, f.ContactID).Scan(&row.facts.CompanyID)
	return row, err
}
