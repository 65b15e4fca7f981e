package sla_test

import (
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/sla"
)

var berlin = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at reads "2026-03-06 16:30" as Berlin wall time ("" is the zero time).
func at(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
	if err != nil {
		panic(err)
	}
	return t
}

func mustCalendar(spec calendar.Spec) *calendar.Calendar {
	spec.TimeZone = "Europe/Berlin"
	c, err := calendar.New(spec)
	if err != nil {
		panic(err)
	}
	return c
}

func weekdays(ranges ...[2]string) map[string][][2]string {
	h := map[string][][2]string{}
	for _, d := range []string{"mon", "tue", "wed", "thu", "fri"} {
		h[d] = ranges
	}
	return h
}

// The statuses of the tests' pipeline; waiting pauses in every policy.
const (
	statusNew     int64 = 1
	statusWaiting int64 = 2
	statusClosed  int64 = 3
)

var (
	nineToFive = mustCalendar(calendar.Spec{Hours: weekdays([2]string{"09:00", "17:00"})})
	// Lunch 12:30-13:30; Monday 2026-03-09 is a holiday.
	lunchAndHoliday = mustCalendar(calendar.Spec{
		Hours:      weekdays([2]string{"09:00", "12:30"}, [2]string{"13:30", "17:00"}),
		Exceptions: []calendar.Exception{{Date: "2026-03-09", Name: "Founders' Day"}},
	})
	pauses   = map[int64]bool{statusWaiting: true}
	standard = &sla.Policy{FirstResponse: time.Hour, NextResponse: 2 * time.Hour, Resolution: 40 * time.Hour,
		Warn: 15 * time.Minute, Calendar: nineToFive, Pause: pauses}
	urgent = &sla.Policy{FirstResponse: 30 * time.Minute, NextResponse: time.Hour, Resolution: 16 * time.Hour,
		Calendar: nineToFive, Pause: pauses}
)

func created(when string, p *sla.Policy) sla.Event {
	return sla.Event{At: at(when), Kind: sla.Created, Status: statusNew, Policy: p}
}
func answer(when string) sla.Event   { return sla.Event{At: at(when), Kind: sla.PublicAnswer} }
func customer(when string) sla.Event { return sla.Event{At: at(when), Kind: sla.CustomerMessage} }
func note(when string) sla.Event     { return sla.Event{At: at(when), Kind: sla.Note} }
func enter(when string, status int64) sla.Event {
	return sla.Event{At: at(when), Kind: sla.StatusEntered, Status: status, Closed: status == statusClosed}
}
func change(when string, p *sla.Policy) sla.Event {
	return sla.Event{At: at(when), Kind: sla.PolicyChanged, Policy: p}
}
