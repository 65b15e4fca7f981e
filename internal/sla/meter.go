package sla

import (
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
)

// meter times one target through one cycle (next response has a cycle per
// customer follow-up; the others have one). used is the business time
// consumed before since; while counting, due and warn are projected from
// since with the remaining time.
type meter struct {
	started, done, counting bool
	used                    time.Duration
	since                   time.Time
	due, warn               time.Time
	breached, met           time.Time
}

// begin starts a fresh cycle.
func (m *meter) begin() { *m = meter{started: true} }

// settle records the breach of a counting meter whose due time has passed
// at at: the breach happens at the due time. Met at the due time is met.
func (m *meter) settle(at time.Time) {
	if m.counting && m.breached.IsZero() && !m.due.IsZero() && m.due.Before(at) {
		m.breached = m.due
	}
}

// stop books the business time used since the clock last started. A
// breached meter keeps the due time that passed; another has none until
// it runs again.
func (m *meter) stop(at time.Time, cal *calendar.Calendar) {
	m.used += cal.Between(m.since, at)
	m.counting = false
	if m.breached.IsZero() {
		m.due, m.warn = time.Time{}, time.Time{}
	}
}

// resume runs the clock from at with what is left of target. Nothing left
// and not yet breached (a new policy with a shorter target) is a breach
// at this moment.
func (m *meter) resume(at time.Time, p *Policy, target time.Duration) {
	m.counting, m.since = true, at
	if !m.breached.IsZero() || target <= 0 {
		return
	}
	left := target - m.used
	if left <= 0 {
		m.due, m.warn, m.breached = at, at, at
		return
	}
	m.due = p.Calendar.Add(at, left)
	m.warn = m.due
	if p.Warn > 0 {
		m.warn = p.Calendar.Add(at, max(left-p.Warn, 0))
	}
}

// meet ends the cycle at at, keeping its due time to show beside the met time.
func (m *meter) meet(at time.Time, cal *calendar.Calendar) {
	if m.counting {
		m.used += cal.Between(m.since, at)
		m.counting = false
	}
	m.done, m.met = true, at
}

// status is the meter seen at now, for a target of the given length.
func (m *meter) status(now time.Time, target time.Duration, warns bool) *Status {
	if !m.started || target <= 0 {
		return nil
	}
	s := &Status{Due: m.due, Met: m.met, Paused: !m.done && !m.counting}
	breached := !m.breached.IsZero() || (m.counting && !m.due.IsZero() && m.due.Before(now))
	switch {
	case m.done && breached:
		s.State = MetLate
	case m.done:
		s.State = Met
	case breached:
		s.State = Breached
	case m.counting && warns && !now.Before(m.warn):
		s.State = Warning
	default:
		s.State = Running
	}
	return s
}
