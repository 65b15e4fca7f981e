package calendar_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
)

// In Europe/Berlin the clocks jump from 02:00 to 03:00 on Sunday
// 2026-03-29 and fall back from 03:00 to 02:00 on Sunday 2026-10-25.
// Ranges are local wall time; business time is real time.
func TestDaylightSaving(t *testing.T) {
	sunday := func(from, to string) calendar.Spec {
		return calendar.Spec{Hours: map[string][][2]string{"sun": {{from, to}}}}
	}
	cases := []struct {
		name string
		spec calendar.Spec
		day  string // the Sunday
		want time.Duration
	}{
		{"01:00-03:00 loses the skipped hour in spring", sunday("01:00", "03:00"), "2026-03-29", time.Hour},
		{"01:00-03:00 on an ordinary Sunday", sunday("01:00", "03:00"), "2026-03-22", 2 * time.Hour},
		{"01:00-03:00 gains the repeated hour in autumn", sunday("01:00", "03:00"), "2026-10-25", 3 * time.Hour},
		{"a start in the skipped hour is the jump", sunday("02:30", "04:00"), "2026-03-29", time.Hour},
		{"a range inside the skipped hour is empty", sunday("02:00", "02:59"), "2026-03-29", 0},
		{"a repeated start is its first, a repeated end its last", sunday("02:00", "02:30"), "2026-10-25", 90 * time.Minute},
		{"09:00-17:00 keeps eight hours on the spring day", sunday("09:00", "17:00"), "2026-03-29", 8 * time.Hour},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := build(t, tc.spec)
			from := at(tc.day + " 00:00")
			if got := c.Between(from, from.AddDate(0, 0, 1)); got != tc.want {
				t.Errorf("open time on %s = %v, want %v", tc.day, got, tc.want)
			}
		})
	}
}

func TestAlwaysCountsRealTimeAcrossDaylightSaving(t *testing.T) {
	c := calendar.Always(berlin)
	start := at("2026-03-28 12:00")
	// 24 real hours later the Berlin clock reads 13:00: an hour was skipped.
	if got := c.Add(start, 24*time.Hour); !got.Equal(at("2026-03-29 13:00")) {
		t.Errorf("Add = %s, want 2026-03-29 13:00", got.In(berlin))
	}
	if got := c.Between(at("2026-10-24 12:00"), at("2026-10-25 12:00")); got != 25*time.Hour {
		t.Errorf("Between over the autumn change = %v, want 25h", got)
	}
}

// slowBetween counts open quarter hours one by one (every boundary below
// is on a quarter hour): the reference that Add and Between, which jump
// whole weeks, must agree with.
func slowBetween(c *calendar.Calendar, a, b time.Time) time.Duration {
	var sum time.Duration
	for t := a; t.Before(b); t = t.Add(15 * time.Minute) {
		if c.Open(t) {
			sum += 15 * time.Minute
		}
	}
	return sum
}

var mixedHours = map[string][][2]string{
	"mon": {{"08:00", "12:00"}, {"13:00", "17:30"}}, "tue": {{"00:00", "24:00"}},
	"wed": {{"09:00", "17:00"}}, "sat": {{"01:30", "03:00"}}, "sun": {{"01:00", "04:00"}},
}

// openByClock reads the local clock of t: the meaning of business hours
// wherever daylight saving does not cut a range's start or end.
func openByClock(t time.Time, loc *time.Location) bool {
	local := t.In(loc)
	minute := local.Hour()*60 + local.Minute()
	if local.Format("2006-01-02") == "2026-04-06" { // the holiday below
		return false
	}
	for _, r := range mixedHours[strings.ToLower(local.Format("Mon"))] {
		from, _ := time.Parse("15:04", r[0])
		to := 24 * 60
		if r[1] != "24:00" {
			end, _ := time.Parse("15:04", r[1])
			to = end.Hour()*60 + end.Minute()
		}
		if minute >= from.Hour()*60+from.Minute() && minute < to {
			return true
		}
	}
	return false
}

// Zones with an hour's change at 02:00 (Berlin), a change at midnight
// (Santiago), a half hour's change (Lord Howe) and none (Tokyo).
func TestArithmeticAgreesWithCountingMinutes(t *testing.T) {
	for _, zone := range []string{"Europe/Berlin", "America/Santiago", "Australia/Lord_Howe", "Asia/Tokyo"} {
		loc := mustZone(zone)
		c := build(t, calendar.Spec{TimeZone: zone, Hours: mixedHours, Exceptions: []calendar.Exception{{Date: "2026-04-06"}}})
		rng := rand.New(rand.NewPCG(1, 2))
		base := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
		var moments []time.Time // random ones, and every minute of the days around each change
		for range 3000 {
			moments = append(moments, base.Add(time.Duration(rng.IntN(365*24*60))*time.Minute))
		}
		for _, end := base.ZoneBounds(); !end.IsZero() && end.Year() == 2026; _, end = end.ZoneBounds() {
			for m := end.Add(-30 * time.Hour); m.Before(end.Add(30 * time.Hour)); m = m.Add(time.Minute) {
				moments = append(moments, m)
			}
		}
		for _, at := range moments {
			if got, want := c.Open(at), openByClock(at, loc); got != want {
				t.Fatalf("%s: Open(%s) = %v, the clock says %v", zone, at, got, want)
			}
		}
		for range 8 {
			a := base.Add(time.Duration(rng.IntN(300*24*4)) * 15 * time.Minute)
			b := a.Add(time.Duration(rng.IntN(80*24*4)) * 15 * time.Minute)
			want := slowBetween(c, a, b)
			if got := c.Between(a, b); got != want {
				t.Errorf("%s: Between(%s, %s) = %v, counting minutes gives %v", zone, a, b, got, want)
			}
			if want == 0 {
				continue
			}
			end := c.Add(a, want)
			if slowBetween(c, a, end) != want || end.After(b) {
				t.Errorf("%s: Add(%s, %v) = %s, beyond %s or not the same business time", zone, a, want, end, b)
			}
		}
	}
}

func TestAddOverAYear(t *testing.T) {
	c := build(t, withHoliday)
	start := at("2026-01-02 10:00")
	year := 52 * 40 * time.Hour
	end := c.Add(start, year)
	if got := c.Between(start, end); got != year {
		t.Errorf("Between(start, Add(start, 2080h)) = %v", got)
	}
	if end.Before(at("2026-12-30 00:00")) || end.After(at("2027-01-10 00:00")) {
		t.Errorf("a year of 40-hour weeks ends %s", end.In(berlin))
	}
}

func BenchmarkAddYear(b *testing.B) {
	c, _ := calendar.New(calendar.Spec{TimeZone: "Europe/Berlin", Hours: lunchBreak.Hours, Exceptions: withHoliday.Exceptions})
	start := at("2026-01-02 10:00")
	for b.Loop() {
		c.Add(start, 52*40*time.Hour)
	}
}

func BenchmarkAddHour(b *testing.B) {
	c, _ := calendar.New(calendar.Spec{TimeZone: "Europe/Berlin", Hours: lunchBreak.Hours})
	start := at("2026-03-06 16:30")
	for b.Loop() {
		c.Add(start, time.Hour)
	}
}

func BenchmarkBetweenYear(b *testing.B) {
	c, _ := calendar.New(calendar.Spec{TimeZone: "Europe/Berlin", Hours: lunchBreak.Hours, Exceptions: withHoliday.Exceptions})
	a, z := at("2026-01-02 10:00"), at("2027-01-02 10:00")
	for b.Loop() {
		c.Between(a, z)
	}
}

// In America/Santiago the clocks change at midnight: on Sunday 2026-09-06
// the day starts at 01:00, and on Saturday 2026-04-04 the hour before
// midnight happens twice.
func TestDaylightSavingAtMidnight(t *testing.T) {
	santiago := mustZone("America/Santiago")
	noon := func(s string) time.Time {
		v, _ := time.ParseInLocation("2006-01-02 15:04", s+" 12:00", santiago)
		return v
	}
	only := func(day, from, to string) *calendar.Calendar {
		return build(t, calendar.Spec{TimeZone: "America/Santiago", Hours: map[string][][2]string{day: {{from, to}}}})
	}
	cases := []struct {
		name string
		c    *calendar.Calendar
		day  string
		want time.Duration
	}{
		{"office hours on the short day", only("sun", "09:00", "17:00"), "2026-09-06", 8 * time.Hour},
		{"office hours on the long day", only("sat", "09:00", "17:00"), "2026-04-04", 8 * time.Hour},
		{"a whole short day", only("sun", "00:00", "24:00"), "2026-09-06", 23 * time.Hour},
		{"a whole long day", only("sat", "00:00", "24:00"), "2026-04-04", 25 * time.Hour},
	}
	for _, tc := range cases {
		// Only that weekday is open, so a window of two days around its noon holds it whole.
		if got := tc.c.Between(noon(tc.day).Add(-30*time.Hour), noon(tc.day).Add(30*time.Hour)); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	office := only("sun", "09:00", "17:00")
	if at := noon("2026-09-06").Add(-3 * time.Hour); !office.Open(at) || office.Open(at.Add(-30*time.Minute)) {
		t.Errorf("on the short day the office must open at 09:00 on the clock (%s)", at)
	}
}
