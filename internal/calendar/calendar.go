// Package calendar holds business hours: the open time ranges of each
// weekday in one time zone, with dated exceptions (holidays, other hours),
// and the arithmetic of business time over them. It has no storage; the
// caller keeps a Spec and builds a Calendar from it with New.
package calendar

import (
	"slices"
	"time"
)

// Weekdays are the keys of Spec.Hours, in the order a person reads them.
var Weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// Spec is a calendar as a person writes it (and as the API carries it):
// ranges of local wall time, "HH:MM" to "HH:MM", where "24:00" ends a day.
// A weekday with no ranges is closed; a lunch break is two ranges.
type Spec struct {
	TimeZone   string                 `json:"time_zone"`
	Hours      map[string][][2]string `json:"hours"`
	Exceptions []Exception            `json:"exceptions"`
}

// Exception replaces a weekday's hours on one date ("2026-12-24"). No
// hours means closed all day.
type Exception struct {
	Date  string      `json:"date"`
	Name  string      `json:"name,omitempty"`
	Hours [][2]string `json:"hours"`
}

// span is one open range of a day in minutes after local midnight, [from, to).
type span struct{ from, to int }

// Calendar is a validated Spec, ready for arithmetic. Build it with New;
// its methods never loop forever because New refuses a week with no open
// time.
type Calendar struct {
	loc        *time.Location
	week       [7][]span      // by time.Weekday: 0 is Sunday
	exceptions map[int][]span // by day number (see days.go)
	exDays     []int          // the exception days, sorted
	weekly     time.Duration  // the open time of a week without exceptions
}

// Location is the calendar's time zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// spans are the open ranges of day n: its exception if it has one, else
// its weekday's.
func (c *Calendar) spans(n int) []span {
	if s, ok := c.exceptions[n]; ok {
		return s
	}
	return c.week[weekday(n)]
}

// exceptionWithin reports whether any exception falls on days [from, to).
func (c *Calendar) exceptionWithin(from, to int) bool {
	i, _ := slices.BinarySearch(c.exDays, from)
	return i < len(c.exDays) && c.exDays[i] < to
}
