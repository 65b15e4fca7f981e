package calendar

import "time"

// interval is one open range of one day as instants, [from, to).
type interval struct{ from, to time.Time }

// open is the open ranges of day n as instants (see wall for daylight
// saving). A range that daylight saving empties is left out.
func (c *Calendar) open(n int) []interval {
	spans := c.spans(n)
	if len(spans) == 0 {
		return nil
	}
	midnight, steady := c.midnight(n, 25*time.Hour)
	out := make([]interval, 0, len(spans))
	for _, s := range spans {
		from, to := midnight.Add(minutes(s.from)), midnight.Add(minutes(s.to))
		if !steady { // a day of daylight saving change
			from, to = wall(n, s.from, c.loc, false), wall(n, s.to, c.loc, true)
		}
		if to.After(from) {
			out = append(out, interval{from, to})
		}
	}
	return out
}

// Open reports whether the calendar is open at t.
func (c *Calendar) Open(t time.Time) bool {
	for _, iv := range c.open(dayOf(t, c.loc)) {
		if !t.Before(iv.from) && t.Before(iv.to) {
			return true
		}
	}
	return false
}

// NextOpen is the first instant at or after t at which the calendar is
// open: t itself when it is open.
func (c *Calendar) NextOpen(t time.Time) time.Time {
	c.mustBeBuilt()
	for n := dayOf(t, c.loc); ; n++ {
		for _, iv := range c.open(n) {
			if t.Before(iv.to) {
				return later(t, iv.from)
			}
		}
	}
}

// Add is the instant at which d of business time has passed after start.
// An end that falls at the close of a range is that close ("Friday 17:00"),
// not the next opening. d <= 0 gives start.
func (c *Calendar) Add(start time.Time, d time.Duration) time.Time {
	c.mustBeBuilt()
	if d <= 0 {
		return start
	}
	n := dayOf(start, c.loc)
	for first := true; ; first = false {
		if !first {
			for d > c.weekly && c.plainWeek(n) {
				d -= c.weekly
				n += 7
			}
		}
		for _, iv := range c.open(n) {
			from := later(start, iv.from)
			if !from.Before(iv.to) {
				continue
			}
			left := iv.to.Sub(from)
			if d <= left {
				return from.Add(d)
			}
			d -= left
		}
		n++
	}
}

// Between is the business time in [a, b); zero when b is not after a.
func (c *Calendar) Between(a, b time.Time) time.Duration {
	c.mustBeBuilt()
	if !a.Before(b) {
		return 0
	}
	n, last := dayOf(a, c.loc), dayOf(b, c.loc)
	sum := c.within(n, a, b)
	for n++; n <= last; {
		// A whole plain week before b's day lies inside [a, b).
		if n+7 <= last && c.plainWeek(n) {
			sum += c.weekly
			n += 7
			continue
		}
		sum += c.within(n, a, b)
		n++
	}
	return sum
}

// within is the open time of day n inside [a, b).
func (c *Calendar) within(n int, a, b time.Time) time.Duration {
	var sum time.Duration
	for _, iv := range c.open(n) {
		if from, to := later(a, iv.from), earlier(b, iv.to); to.After(from) {
			sum += to.Sub(from)
		}
	}
	return sum
}

// plainWeek reports whether the seven days from day n hold exactly the
// weekly hours: no exception and no change of UTC offset among them.
func (c *Calendar) plainWeek(n int) bool {
	if c.exceptionWithin(n, n+7) {
		return false
	}
	_, steady := c.midnight(n, 7*24*time.Hour)
	return steady
}

// midnight is the start of day n, and whether the UTC offset stays the
// same for the length that follows it (so wall times are plain sums).
func (c *Calendar) midnight(n int, length time.Duration) (time.Time, bool) {
	m := wall(n, 0, c.loc, false)
	start, end := m.In(c.loc).ZoneBounds()
	return m, !start.After(m) && (end.IsZero() || !end.Before(m.Add(length)))
}

func minutes(m int) time.Duration { return time.Duration(m) * time.Minute }

func (c *Calendar) mustBeBuilt() {
	if c.weekly <= 0 {
		panic("calendar: a Calendar must be built by New or Always")
	}
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
