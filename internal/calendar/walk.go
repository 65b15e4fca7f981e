package calendar

import "time"

// walker steps through days for one computation, remembering the UTC
// offset period it is in, so that a day inside it costs no zone lookup.
// It lives on the caller's stack: the Calendar itself stays read-only and
// safe to share between goroutines.
type walker struct {
	c          *Calendar
	offset     int64 // seconds east of UTC in the period
	start, end time.Time
	known      bool
}

// walkFrom starts a walker in the offset period of t: one zone lookup,
// which also gives t's local date.
func (c *Calendar) walkFrom(t time.Time) (walker, int) {
	local := t.In(c.loc)
	_, off := local.Zone()
	start, end := local.ZoneBounds()
	y, m, d := local.Date()
	return walker{c: c, offset: int64(off), start: start, end: end, known: true}, dayNumber(y, m, d)
}

// day is one local date ready to turn its spans into instants.
type day struct {
	n        int
	midnight time.Time
	steady   bool // one UTC offset from midnight to the next day's end
	spans    []span
}

// day prepares day n; steady days (all but a handful a year) need no
// zone lookup beyond the first.
func (w *walker) day(n int) day {
	d := day{n: n, spans: w.c.spans(n)}
	d.midnight, d.steady = w.midnight(n, 25*time.Hour)
	return d
}

// midnight is the start of day n and whether the offset holds for length.
func (w *walker) midnight(n int, length time.Duration) (time.Time, bool) {
	if w.known {
		m := time.Unix(int64(n)*secondsPerDay-w.offset, 0).UTC()
		if !m.Before(w.start) && (w.end.IsZero() || !w.end.Before(m.Add(length))) {
			return m, true
		}
	}
	m := wall(n, 0, w.c.loc, false)
	local := m.In(w.c.loc)
	_, off := local.Zone()
	w.start, w.end = local.ZoneBounds()
	w.offset, w.known = int64(off), true
	// Where the clocks jump at midnight the day starts at 01:00: not steady.
	h, min, _ := local.Clock()
	return m, h == 0 && min == 0 && !w.start.After(m) && (w.end.IsZero() || !w.end.Before(m.Add(length)))
}

// interval is span i of the day as instants [from, to); daylight saving
// may make it empty (see wall).
func (d day) interval(i int, loc *time.Location) (from, to time.Time) {
	s := d.spans[i]
	if d.steady {
		return d.midnight.Add(minutes(s.from)), d.midnight.Add(minutes(s.to))
	}
	return wall(d.n, s.from, loc, false), wall(d.n, s.to, loc, true)
}

// plainWeek reports whether the seven days from day n hold exactly the
// weekly hours: no exception and no change of UTC offset among them.
func (w *walker) plainWeek(n int) bool {
	if w.c.exceptionWithin(n, n+7) {
		return false
	}
	_, steady := w.midnight(n, 7*24*time.Hour)
	return steady
}

func minutes(m int) time.Duration { return time.Duration(m) * time.Minute }
