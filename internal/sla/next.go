package sla

import "time"

// Next is the first moment after now at which reading the clock can give
// another state without a new event: a warning starts or a due time
// passes (breached is read from just after the due time). ok is false
// when nothing is counting towards either.
func (c *Clock) Next(now time.Time) (next time.Time, ok bool) {
	if c.policy == nil {
		return time.Time{}, false
	}
	consider := func(t time.Time) {
		if t.After(now) && (next.IsZero() || t.Before(next)) {
			next = t
		}
	}
	for _, t := range Targets {
		m := &c.meters[t]
		if !m.counting || m.done || !m.breached.IsZero() || m.due.IsZero() || c.policy.target(t) <= 0 {
			continue
		}
		if c.policy.Warn > 0 {
			consider(m.warn)
		}
		consider(m.due.Add(time.Microsecond))
	}
	return next, !next.IsZero()
}

// Worst is the state that matters most among the targets not yet met:
// breached, then warning, running, paused; met when every target is
// met, "" when no target applies.
func (r Result) Worst() string {
	rank := map[string]int{"": 0, "met": 1, "paused": 2, "running": 3, "warning": 4, "breached": 5}
	worst := ""
	for _, t := range Targets {
		s := r.Of(t)
		if s == nil {
			continue
		}
		st := string(s.State)
		switch {
		case s.State == MetLate:
			st = "met"
		case s.State == Running && s.Paused:
			st = "paused"
		}
		if rank[st] > rank[worst] {
			worst = st
		}
	}
	return worst
}
