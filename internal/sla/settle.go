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
	res, check, ok, err := s.replay(ctx, tx, row, events, o)
	if err != nil {
		return err
	}
	met := newlyMet(row.stored, res)
	was := row.state.Due // store sets row.state to what it writes
	if err := store(ctx, tx, row, res, check, ok); err != nil {
		return err
	}
	if err := s.dueMoved(ctx, tx, row.id, was, res); err != nil || !met {
		return err
	}
	return s.happened(ctx, tx, row.id, Met) // after the store: a rule's own change reads it met
}

// dueMoved tells automations that the stored due time changed, after
// storing it: time rules anchored on it arm for the new value, and only
// then (not on every change to the ticket).
func (s *Service) dueMoved(ctx context.Context, tx *db.Tx, id int64, was *time.Time, res Result) error {
	due, ok := res.NextDue()
	if s.Automations == nil || !ok || was != nil && was.Equal(db.Norm(due)) {
		return nil
	}
	h := ticket.Happening{Event: ticket.HappenedSLADue, TicketID: id, Actor: ticket.ActorSystem}
	return s.Automations.Happened(ctx, tx, []ticket.Happening{h})
}

// replay replays events, writes the history lines and announcements the
// result calls for, and returns the result and when it next changes.
func (s *Service) replay(ctx context.Context, tx *db.Tx, row *ticketRow, events []Event, o settleOpts) (Result, time.Time, bool, error) {
	var c Clock
	var lines []string
	for _, e := range events {
		rs, err := c.Apply(e)
		if err != nil {
			return Result{}, time.Time{}, false, fmt.Errorf("ticket %d: %w", row.id, err)
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
			return res, now, false, err
		}
	}
	keys := alerts(res)
	pending := !subset(keys, row.notified)
	if o.announce && pending {
		if err := s.announce(ctx, tx, row, res, now, o); err != nil {
			return res, now, false, err
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
	return res, check, ok, nil
}

// newlyMet reports whether res meets a target the stored state had not
// met: automations hear sla_met once per target.
func newlyMet(before string, res Result) bool {
	var old stored
	if before != "" {
		if err := json.Unmarshal([]byte(before), &old); err != nil {
			return false
		}
	}
	met := func(s *Status) bool { return s != nil && (s.State == Met || s.State == MetLate) }
	for _, t := range Targets {
		if met(res.Of(t)) && !met(old.Of(t)) {
			return true
		}
	}
	return false
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
		if err := s.happened(ctx, tx, row.id, st.State); err != nil {
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
	p, err := project(row, res, check, hasCheck)
	if err != nil {
		return err
	}
	if unchanged(row, p.Text, res.Worst(), p.CheckAt) {
		return nil // a recomputation that moves nothing writes nothing
	}
	_, err = q.ExecContext(ctx, `UPDATE tickets SET sla_policy_id = $2, sla_calendar_id = $3, sla_due_at = $4,
		sla_state = $5, sla = $6, sla_check_at = $7, sla_notified = $8 WHERE id = $1`, row.id, p.PolicyID,
		p.CalendarID, p.State.Due, p.State.State, p.Text, p.CheckAt, p.Notified)
	return err
}

// project is the ticket's SLA columns for res, and what the ticket
// shows of them (row.state).
func project(row *ticketRow, res Result, check time.Time, hasCheck bool) (ticket.ClockColumns, error) {
	p := ticket.ClockColumns{PolicyID: nullID(row.policy), CalendarID: nullID(row.cal), Notified: row.notified}
	if d, ok := res.NextDue(); ok {
		d = db.Norm(d)
		p.State.Due = &d
	}
	if hasCheck {
		c := db.Norm(check)
		p.CheckAt = &c
	}
	p.State.State = res.Worst()
	if row.policy != 0 {
		st := stored{res, row.zone}
		raw, err := json.Marshal(st)
		if err != nil {
			return p, err
		}
		text := string(raw)
		p.Text, p.State.SLA = &text, st.view(p.State)
	}
	row.state = p.State
	return p, nil
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

// view is what the ticket shows of s: the stored JSON as ticket reads it
// back, built without the round trip.
func (s stored) view(st ticket.ClockState) *ticket.SLA {
	return &ticket.SLA{FirstResponse: targetView(s.FirstResponse), NextResponse: targetView(s.NextResponse),
		Resolution: targetView(s.Resolution), State: st.State, DueAt: st.Due, TimeZone: s.TimeZone}
}

func targetView(s *Status) *ticket.SLATarget {
	if s == nil {
		return nil
	}
	return &ticket.SLATarget{State: string(s.State), DueAt: timeView(s.Due), MetAt: timeView(s.Met), Paused: s.Paused}
}

func timeView(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// happened tells automations of a new warning or breach (sla_warning,
// sla_breached).
func (s *Service) happened(ctx context.Context, tx *db.Tx, id int64, state State) error {
	if s.Automations == nil {
		return nil
	}
	h := ticket.Happening{Event: "sla_" + string(state), TicketID: id, Actor: ticket.ActorSystem}
	return s.Automations.Happened(ctx, tx, []ticket.Happening{h})
}
