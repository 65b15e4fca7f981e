package calendar

import "time"

// Days are numbered from 1970-01-01 (day 0, a Thursday), so stepping a
// day or a week is integer arithmetic and weekdays are a remainder.

const secondsPerDay = 24 * 60 * 60

func dayNumber(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / secondsPerDay)
}

// dayOf is the number of the local date of t in loc.
func dayOf(t time.Time, loc *time.Location) int {
	y, m, d := t.In(loc).Date()
	return dayNumber(y, m, d)
}

func weekday(n int) time.Weekday {
	return time.Weekday(((n+4)%7 + 7) % 7)
}

func dateOf(n int) (int, time.Month, int) {
	return time.Unix(int64(n)*secondsPerDay, 0).UTC().Date()
}

// wall is the instant at which the local clock of loc reads minute min of
// day n. Daylight saving makes some wall times happen twice and some never:
//   - a wall time that does not exist (the hour skipped in spring) is the
//     moment the clocks jump, the first moment that exists after it;
//   - a wall time that happens twice (the hour repeated in autumn) is its
//     first occurrence when it starts a range (last false) and its last
//     when it ends one (last true), so the range holds the whole repeat.
func wall(n, min int, loc *time.Location, last bool) time.Time {
	naive := time.Unix(int64(n)*secondsPerDay+int64(min)*60, 0).UTC()
	_, before := naive.Add(-24 * time.Hour).In(loc).Zone()
	_, after := naive.Add(24 * time.Hour).In(loc).Zone()
	early := naive.Add(-time.Duration(before) * time.Second)
	late := naive.Add(-time.Duration(after) * time.Second)
	earlyOK, lateOK := offsetAt(early, loc) == before, offsetAt(late, loc) == after
	switch {
	case earlyOK && lateOK && !early.Equal(late):
		if last == early.After(late) {
			return early
		}
		return late
	case earlyOK:
		return early
	case lateOK:
		return late
	}
	// In the gap: the zone that follows starts at the jump.
	start, _ := early.In(loc).ZoneBounds()
	return start
}

func offsetAt(t time.Time, loc *time.Location) int {
	_, off := t.In(loc).Zone()
	return off
}
