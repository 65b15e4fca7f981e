package calendar_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/domain"
)

var berlin = mustZone("Europe/Berlin")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at reads "2026-03-06 16:30" as Berlin wall time.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
	if err != nil {
		panic(err)
	}
	return t
}

func weekdays(ranges ...[2]string) map[string][][2]string {
	h := map[string][][2]string{}
	for _, d := range []string{"mon", "tue", "wed", "thu", "fri"} {
		h[d] = ranges
	}
	return h
}

func build(t *testing.T, spec calendar.Spec) *calendar.Calendar {
	t.Helper()
	if spec.TimeZone == "" {
		spec.TimeZone = "Europe/Berlin"
	}
	c, err := calendar.New(spec)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

var (
	nineToFive = calendar.Spec{Hours: weekdays([2]string{"09:00", "17:00"})}
	lunchBreak = calendar.Spec{Hours: weekdays([2]string{"09:00", "12:30"}, [2]string{"13:30", "17:00"})}
	// Monday 2026-03-09 is a holiday, Tuesday 2026-03-10 closes at noon.
	withHoliday = calendar.Spec{Hours: weekdays([2]string{"09:00", "17:00"}), Exceptions: []calendar.Exception{
		{Date: "2026-03-09", Name: "Founders' Day"},
		{Date: "2026-03-10", Hours: [][2]string{{"09:00", "12:00"}}},
	}}
)

func TestAdd(t *testing.T) {
	cases := []struct {
		name  string
		spec  calendar.Spec
		start string
		d     time.Duration
		want  string
	}{
		{"Friday 16:30 plus one hour is Monday 09:30", nineToFive, "2026-03-06 16:30", time.Hour, "2026-03-09 09:30"},
		{"ending at the close stays on the close", nineToFive, "2026-03-06 16:00", time.Hour, "2026-03-06 17:00"},
		{"before opening starts at the opening", nineToFive, "2026-03-09 07:00", 30 * time.Minute, "2026-03-09 09:30"},
		{"Saturday starts on Monday", nineToFive, "2026-03-07 11:00", 2 * time.Hour, "2026-03-09 11:00"},
		{"lunch break skipped", lunchBreak, "2026-03-09 12:00", time.Hour, "2026-03-09 14:00"},
		{"in the lunch break waits for 13:30", lunchBreak, "2026-03-09 12:45", 10 * time.Minute, "2026-03-09 13:40"},
		{"holiday and short day skipped", withHoliday, "2026-03-06 16:30", 4 * time.Hour, "2026-03-11 09:30"},
		{"three business days", nineToFive, "2026-03-04 10:00", 24 * time.Hour, "2026-03-09 10:00"},
		{"zero is the start", nineToFive, "2026-03-07 11:00", 0, "2026-03-07 11:00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := build(t, tc.spec)
			got := c.Add(at(tc.start), tc.d)
			if !got.Equal(at(tc.want)) {
				t.Errorf("Add(%s, %v) = %s, want %s", tc.start, tc.d, got.In(berlin).Format("Mon 2006-01-02 15:04"), tc.want)
			}
			if tc.d > 0 {
				if back := c.Between(at(tc.start), got); back != tc.d {
					t.Errorf("Between(start, Add(start, d)) = %v, want %v", back, tc.d)
				}
			}
		})
	}
}

func TestBetween(t *testing.T) {
	cases := []struct {
		name string
		spec calendar.Spec
		a, b string
		want time.Duration
	}{
		{"over a weekend", nineToFive, "2026-03-06 16:30", "2026-03-09 09:30", time.Hour},
		{"closed time only", nineToFive, "2026-03-07 08:00", "2026-03-08 20:00", 0},
		{"a lunch break does not count", lunchBreak, "2026-03-09 12:00", "2026-03-09 14:00", time.Hour},
		{"a holiday and a short day", withHoliday, "2026-03-06 00:00", "2026-03-11 00:00", 8*time.Hour + 3*time.Hour},
		{"four plain weeks", nineToFive, "2026-01-05 00:00", "2026-02-02 00:00", 4 * 40 * time.Hour},
		{"reversed is zero", nineToFive, "2026-03-09 12:00", "2026-03-09 10:00", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := build(t, tc.spec).Between(at(tc.a), at(tc.b)); got != tc.want {
				t.Errorf("Between(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestOpenAndNextOpen(t *testing.T) {
	c := build(t, withHoliday)
	for _, tc := range []struct {
		t    string
		open bool
		next string
	}{
		{"2026-03-06 09:00", true, "2026-03-06 09:00"},
		{"2026-03-06 17:00", false, "2026-03-10 09:00"}, // the weekend and Monday's holiday
		{"2026-03-10 12:00", false, "2026-03-11 09:00"}, // the short day has closed
		{"2026-03-10 11:59", true, "2026-03-10 11:59"},
	} {
		if got := c.Open(at(tc.t)); got != tc.open {
			t.Errorf("Open(%s) = %v, want %v", tc.t, got, tc.open)
		}
		if got := c.NextOpen(at(tc.t)); !got.Equal(at(tc.next)) {
			t.Errorf("NextOpen(%s) = %s, want %s", tc.t, got.In(berlin), tc.next)
		}
	}
}

func TestValidation(t *testing.T) {
	cases := []struct {
		name string
		spec calendar.Spec
		want map[string]string // field -> substring of its message
	}{
		{"reversed range", calendar.Spec{TimeZone: "Europe/Berlin", Hours: map[string][][2]string{"tue": {{"13:00", "12:00"}}}},
			map[string]string{"hours.tue": "tue: 13:00-12:00 ends before it starts"}},
		{"overlap and bad time on one day", calendar.Spec{TimeZone: "Europe/Berlin", Hours: map[string][][2]string{
			"mon": {{"09:00", "12:00"}, {"11:00", "14:00"}, {"9am", "10:00"}}}},
			map[string]string{"hours.mon": "mon: \"9am\" is not a time; write HH:MM, such as 09:00; mon: 09:00-12:00 overlaps 11:00-14:00"}},
		{"unknown zone and day", calendar.Spec{TimeZone: "Europe/Berlen", Hours: map[string][][2]string{"mon": {{"09:00", "17:00"}}, "monday": {}}},
			map[string]string{"time_zone": "\"Europe/Berlen\" is not a known time zone", "hours.monday": "\"monday\" is not a day"}},
		{"24:00 only ends a day", calendar.Spec{TimeZone: "UTC", Hours: map[string][][2]string{"fri": {{"24:00", "24:00"}, {"22:00", "24:00"}}}},
			map[string]string{"hours.fri": "fri: a range cannot start at 24:00"}},
		{"never open", calendar.Spec{TimeZone: "UTC", Hours: map[string][][2]string{"sat": {}}},
			map[string]string{"hours": "no day has open hours"}},
		{"exceptions", calendar.Spec{TimeZone: "UTC", Hours: weekdays([2]string{"09:00", "17:00"}), Exceptions: []calendar.Exception{
			{Date: "2026-12-25"}, {Date: "2026-12-25"}, {Date: "25.12.2026"}, {Date: "2026-12-24", Hours: [][2]string{{"12:00", "10:00"}}}}},
			map[string]string{"exceptions[1].date": "2026-12-25 is listed twice (also exceptions[0])",
				"exceptions[2].date": "\"25.12.2026\" is not a date", "exceptions[3].hours": "2026-12-24: 12:00-10:00 ends before it starts"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := calendar.New(tc.spec)
			var ve *domain.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("New: %v, want a validation error", err)
			}
			for field, want := range tc.want {
				if !strings.Contains(ve.Fields[field], want) {
					t.Errorf("%s: %q, want it to say %q", field, ve.Fields[field], want)
				}
			}
			if len(ve.Fields) != len(tc.want) {
				t.Errorf("fields %v, want only %v", ve.Fields, tc.want)
			}
		})
	}
}
