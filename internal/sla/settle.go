package sla

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// settleOpts says what else a recomputation does: write the history
// lines of a policy change at changedAt (times in loc, for why), and, for
// the SLA worker, announce new warnings and breaches.
type settleOpts struct {
	changedAt time.Time
	loc       *time.Location
	why       string
	announce  bool
	snap      *snapshot
	// published collects (kind, ticket) for the bus, after commit.
	published *[]published
}

type published struct {
	kind string
	id   int64
}

// settle replays events, stores the result on the ticket and writes what
// the history should say.
func (s *Service) settle(ctx context.Context, tx *db.Tx, row *ticketRow, events []Event, o settleOpts) error {
	var c Clock
	var lines []string
	for _, e := range events {
		rs, err := c.Apply(e)
		if err != nil {
			return fmt.Errorf("ticket %d: %w", row.id, err)
		}
		for _, r := range rs {
			if !o.changedAt.IsZero() && r.At.Equal(o.changedAt) {
				lines = append(lines, line(r, o.loc)+whyText(o.why))
			}
		}
	}
	now := later(s.now(), c.last)
	res := c.At(now)
	for _, l := range lines {
		if err := historyLine(ctx, tx, row.id, map[string]any{"line": l}, now); err != nil {
			return err
		}
	}
	keys := alerts(res)
	pending := !subset(keys, row.notified)
	if o.announce && pending {
		if err := s.announce(ctx, tx, row, res, now, o); err != nil {
			return err
		}
		row.notified, pending = strings.Join(keys, ";"), false
	}
	if c.policy != nil && c.policy.Calendar != nil && c.policy.Calendar.Location() != nil {
		row.zone = c.policy.Calendar.Location().String()
	}
	check, ok := c.Next(now)
	switch {
	case pending && row.storedCheck != nil && !row.storedCheck.After(now):
		check = *row.storedCheck // already waiting for the worker
	case pending:
		check, ok = now, true
	}
	return store(ctx, tx, row, res, check, ok)
}

func whyText(why string) string {
	if why == "" {
		return ""
	}
	return " (" + why + ")"
}

// alerts are the warnings and breaches res shows, one key per target,
// state and due time, so a new next-response cycle alerts again.
func alerts(res Result) []string {
	var keys []string
	for _, t := range Targets {
		st := res.Of(t)
		if st != nil && (st.State == Warning || st.State == Breached) {
			keys = append(keys, fmt.Sprintf("%s:%s:%d", key(t), st.State, st.Due.Unix()))
		}
	}
	return keys
}

func key(t Target) string { return strings.ReplaceAll(t.String(), " ", "_") }

func subset(keys []string, notified string) bool {
	have := strings.Split(notified, ";")
	for _, k := range keys {
		if !slices.Contains(have, k) {
			return false
		}
	}
	return true
}

// announce writes a history line and queues a bus event for each
// warning or breach not announced before.
func (s *Service) announce(ctx context.Context, tx *db.Tx, row *ticketRow, res Result, now time.Time, o settleOpts) error {
	have := strings.Split(row.notified, ";")
	loc := time.UTC
	if o.snap != nil {
		loc = o.snap.location(row.cal)
	}
	for _, t := range Targets {
		st := res.Of(t)
		if st == nil || (st.State != Warning && st.State != Breached) ||
			slices.Contains(have, fmt.Sprintf("%s:%s:%d", key(t), st.State, st.Due.Unix())) {
			continue
		}
		due := st.Due.In(loc).Format("Mon 2 Jan 15:04")
		line := fmt.Sprintf("SLA warning: %s due %s", t, due)
		if st.State == Breached {
			line = fmt.Sprintf("SLA breached: %s was due %s", t, due)
		}
		data := map[string]any{"line": line, "target": key(t), "state": string(st.State), "due_at": st.Due.UTC()}
		if err := historyLine(ctx, tx, row.id, data, now); err != nil {
			return err
		}
		if err := s.hook(ctx, tx, row.id, t, st); err != nil {
			return err
		}
		if o.published != nil {
			*o.published = append(*o.published, published{"sla." + string(st.State), row.id})
		}
	}
	return nil
}

// hook queues the webhook event of a warning or breach just announced.
func (s *Service) hook(ctx context.Context, tx *db.Tx, ticketID int64, t Target, st *Status) error {
	if s.Webhooks == nil {
		return nil
	}
	event := "sla_warning"
	if st.State == Breached {
		event = "sla_breached"
	}
	return s.Webhooks.TicketEvent(ctx, tx, event, ticketID, map[string]any{"field": "sla", "target": key(t),
		"state": string(st.State), "due_at": st.Due.UTC()})
}

// EventKind is the kind of the ticket history entries the SLA writes.
const EventKind = "sla"

func historyLine(ctx context.Context, q db.Querier, id int64, data map[string]any, at time.Time) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, `INSERT INTO ticket_events (ticket_id, kind, data, created_at) VALUES ($1, $2, $3, $4)`,
		id, EventKind, string(raw), at)
	return err
}

// stored is the sla JSON of a ticket: the result and the time zone of the
// calendar it counts in, where pages show its times.
type stored struct {
	Result
	TimeZone string `json:"time_zone"`
}

// store writes the projection of res on the ticket.
func store(ctx context.Context, q db.Querier, row *ticketRow, res Result, check time.Time, hasCheck bool) error {
	var due, checkAt *time.Time
	if d, ok := res.NextDue(); ok {
		d = db.Norm(d)
		due = &d
	}
	if hasCheck {
		c := db.Norm(check)
		checkAt = &c
	}
	var text *string
	row.state = ticket.ClockState{State: res.Worst(), Due: due}
	if row.policy != 0 {
		raw, err := json.Marshal(stored{res, row.zone})
		if err != nil {
			return err
		}
		s := string(raw)
		text, row.state.JSON = &s, s
	}
	if unchanged(row, text, res.Worst(), checkAt) {
		return nil // a recomputation that moves nothing writes nothing
	}
	_, err := q.ExecContext(ctx, `UPDATE tickets SET sla_policy_id = $2, sla_calendar_id = $3, sla_due_at = $4,
		sla_state = $5, sla = $6, sla_check_at = $7, sla_notified = $8 WHERE id = $1`, row.id, nullID(row.policy),
		nullID(row.cal), due, res.Worst(), text, checkAt, row.notified)
	return err
}

// line is the history line of a recomputation; a target that had no due
// time before (no policy applied) starts rather than moves.
func line(r Recomputed, loc *time.Location) string {
	if r.Before.IsZero() && !r.After.IsZero() {
		return "SLA started: " + r.Target.String() + " due " + r.After.In(loc).Format("Mon 2 Jan 15:04")
	}
	return r.Line(loc)
}

// unchanged says the projection is what the ticket already holds.
func unchanged(row *ticketRow, text *string, state string, check *time.Time) bool {
	sameCheck := (check == nil && row.storedCheck == nil) ||
		(check != nil && row.storedCheck != nil && check.Equal(*row.storedCheck))
	sameText := (text == nil && row.stored == "") || (text != nil && *text == row.stored)
	return sameText && sameCheck && state == row.storedState && row.policy == row.storedPolicy &&
		row.cal == row.storedCal && row.notified == row.storedNote
}
