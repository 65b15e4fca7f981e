package calendar

import "time"

// Open reports whether the calendar is open at t.
func (c *Calendar) Open(t time.Time) bool {
	w, n := c.walkFrom(t)
	d := w.day(n)
	for i := range d.spans {
		if from, to := d.interval(i, c.loc); !t.Before(from) && t.Before(to) {
			return true
		}
	}
	return false
}

// NextOpen is the first instant at or after t at which the calendar is
// open: t itself when it is open.
func (c *Calendar) NextOpen(t time.Time) time.Time {
	c.mustBeBuilt()
	w, n := c.walkFrom(t)
	for ; ; n++ {
		d := w.day(n)
		for i := range d.spans {
			if from, to := d.interval(i, c.loc); t.Before(to) && from.Before(to) {
				return later(t, from).In(c.loc)
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
	w, n := c.walkFrom(start)
	for first := true; ; n, first = n+1, false {
		for !first && d > c.weekly && w.plainWeek(n) {
			d -= c.weekly
			n += 7
		}
		day := w.day(n)
		for i := range day.spans {
			from, to := day.interval(i, c.loc)
			from = later(start, from)
			if !from.Before(to) {
				continue
			}
			if left := to.Sub(from); d > left {
				d -= left
				continue
			}
			return from.Add(d).In(c.loc)
		}
	}
}

// Between is the business time in [a, b); zero when b is not after a.
func (c *Calendar) Between(a, b time.Time) time.Duration {
	c.mustBeBuilt()
	if !a.Before(b) {
		return 0
	}
	w, n := c.walkFrom(a)
	last := dayOf(b, c.loc)
	sum := w.within(n, a, b)
	for n++; n <= last; {
		// A whole plain week before b's day lies inside [a, b).
		if n+7 <= last && w.plainWeek(n) {
			sum += c.weekly
			n += 7
			continue
		}
		sum += w.within(n, a, b)
		n++
	}
	return sum
}

// within is the open time of day n inside [a, b).
func (w *walker) within(n int, a, b time.Time) time.Duration {
	var sum time.Duration
	d := w.day(n)
	for i := range d.spans {
		from, to := d.interval(i, w.c.loc)
		if from, to = later(a, from), earlier(b, to); to.After(from) {
			sum += to.Sub(from)
		}
	}
	return sum
}

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
