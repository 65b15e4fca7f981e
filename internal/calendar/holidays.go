package calendar

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Holidays reads the events of an iCalendar file as days closed all day,
// for the years first to last (inclusive). An all-day event closes its
// dates; a timed one closes every date it touches, in loc (the calendar's
// zone; nil is UTC). Yearly repeats are expanded over the years asked.
// Two events on one date give one exception named after both. Nothing is
// fetched: the caller passes the file's bytes.
func Holidays(ics []byte, loc *time.Location, first, last int) ([]Exception, error) {
	if last < first || last-first > 100 {
		return nil, fmt.Errorf("calendar: years %d to %d: choose at most 100 years, the first not after the last", first, last)
	}
	if loc == nil {
		loc = time.UTC
	}
	names := map[int][]string{}
	err := components(ics, func(begin int, props []property) error {
		ev, err := readEvent(begin, props, loc)
		if err != nil || ev.cancelled {
			return err
		}
		for _, n := range ev.days(first, last) {
			if y, _, _ := dateOf(n); y >= first && y <= last && !slices.Contains(names[n], ev.summary) {
				names[n] = append(names[n], ev.summary)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Exception, 0, len(names))
	for _, n := range slices.Sorted(maps.Keys(names)) {
		y, m, d := dateOf(n)
		out = append(out, Exception{Date: fmt.Sprintf("%04d-%02d-%02d", y, m, d), Name: strings.Join(names[n], " / ")})
	}
	return out, nil
}

// event is one VEVENT: its first occurrence, its length, and its repeats.
type event struct {
	summary   string
	cancelled bool
	allDay    bool
	start     time.Time // for an all-day event, midnight UTC of its date
	length    time.Duration
	rule      *yearly
	extra     []time.Time // RDATE
	except    map[int]bool
	loc       *time.Location // the calendar's zone, for timed events
}

// days are the day numbers the event closes, over the years asked.
func (ev *event) days(first, last int) []int {
	var out []int
	starts := append([]time.Time{ev.start}, ev.extra...)
	if ev.rule != nil {
		starts = append(starts, ev.rule.occurrences(ev.start, first, last)...)
	}
	for _, s := range starts {
		if y := s.Year(); y < first-1 || y > last || ev.except[dayNumber(s.Date())] {
			continue
		}
		out = append(out, ev.touched(s)...)
	}
	return out
}

// touched are the dates from start to start+length: end exclusive, at
// least the first.
func (ev *event) touched(start time.Time) []int {
	if ev.allDay {
		n := dayOf(start, time.UTC)
		days := max(int(ev.length/(24*time.Hour)), 1)
		out := make([]int, days)
		for i := range out {
			out[i] = n + i
		}
		return out
	}
	from, to := dayOf(start, ev.loc), dayOf(start.Add(ev.length), ev.loc)
	if ev.length > 0 && wall(to, 0, ev.loc, false).Equal(start.Add(ev.length)) {
		to-- // ends at midnight: that day stays open
	}
	var out []int
	for n := from; n <= max(to, from); n++ {
		out = append(out, n)
	}
	return out
}

// AddHolidays returns spec with the holidays whose dates it has no
// exception for yet: importing the same file twice changes nothing, and
// hours already set for a date win over the file.
func (s Spec) AddHolidays(holidays []Exception) (Spec, int) {
	have := map[string]bool{}
	for _, e := range s.Exceptions {
		have[e.Date] = true
	}
	out := slices.Clone(s.Exceptions)
	for _, h := range holidays {
		if !have[h.Date] {
			have[h.Date] = true
			out = append(out, h)
		}
	}
	added := len(out) - len(s.Exceptions)
	s.Exceptions = out
	return s, added
}
