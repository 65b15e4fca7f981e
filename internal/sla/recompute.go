package sla

import (
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
)

// Recomputed is what a policy change did to one running target: its due
// time before and after (zero: no target). Breached says the new due time
// had already passed, so the target was breached at the change.
type Recomputed struct {
	Target        Target
	At            time.Time
	Before, After time.Time
	Breached      bool
}

// Line is the entry for the ticket's history, times in loc:
// "SLA recomputed: resolution due Mon 9 Mar 15:00, now Tue 10 Mar 11:00".
// The caller adds why ("(priority 1 to 3)").
func (r Recomputed) Line(loc *time.Location) string {
	when := func(t time.Time) string {
		if t.IsZero() {
			return "none"
		}
		return t.In(loc).Format("Mon 2 Jan 15:04")
	}
	line := "SLA recomputed: " + r.Target.String() + " due " + when(r.Before) + ", now " + when(r.After)
	if r.Breached {
		line += " (breached at the change)"
	}
	return line
}

// change applies a new policy (nil: none). Met targets stay met; running
// ones keep the business time already used, measured in the old policy's
// calendar, and run on in the new one with what is left of its target.
func (c *Clock) change(at time.Time, p *Policy) []Recomputed {
	var before [3]time.Time
	var breached [3]bool
	for _, t := range Targets {
		m := &c.meters[t]
		before[t], breached[t] = m.due, !m.breached.IsZero()
		if m.counting {
			m.stop(at, c.policy.calendar())
		}
	}
	c.policy = p
	c.paused = p != nil && p.Pause[c.status]
	c.reconcile(at)
	var out []Recomputed
	for _, t := range Targets {
		m := &c.meters[t]
		if m.due.Equal(before[t]) || (before[t].IsZero() && !m.counting) {
			continue
		}
		out = append(out, Recomputed{Target: t, At: at, Before: before[t], After: m.due,
			Breached: !breached[t] && !m.breached.IsZero()})
	}
	return out
}

func (p *Policy) calendar() *calendar.Calendar {
	if p == nil {
		return nil
	}
	return p.Calendar
}
