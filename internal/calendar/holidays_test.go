package calendar_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
)

func dated(list []calendar.Exception) []string {
	var out []string
	for _, e := range list {
		out = append(out, e.Date+" "+e.Name)
	}
	return out
}

func TestHolidaysFromANationalCalendar(t *testing.T) {
	ics, err := os.ReadFile("testdata/de-holidays.ics")
	if err != nil {
		t.Fatal(err)
	}
	got, err := calendar.Holidays(ics, berlin, 2026, 2027)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2026-01-01 Neujahr", "2026-04-03 Karfreitag", "2026-04-06 Ostermontag", "2026-05-01 Tag der Arbeit",
		"2026-05-14 Christi Himmelfahrt", "2026-05-25 Pfingstmontag", "2026-10-03 Tag der Deutschen Einheit",
		"2026-12-24 Heiligabend (Büro ab 12 Uhr zu)", "2026-12-25 Weihnachten, 1. und 2. Feiertag", "2026-12-26 Weihnachten, 1. und 2. Feiertag",
		"2027-01-01 Neujahr", "2027-03-26 Karfreitag", "2027-03-29 Ostermontag", "2027-05-01 Tag der Arbeit",
		"2027-05-06 Christi Himmelfahrt", "2027-05-17 Pfingstmontag", "2027-10-03 Tag der Deutschen Einheit",
		"2027-12-24 Heiligabend (Büro ab 12 Uhr zu)", "2027-12-25 Weihnachten, 1. und 2. Feiertag", "2027-12-26 Weihnachten, 1. und 2. Feiertag",
	}
	if !slices.Equal(dated(got), want) {
		t.Fatalf("holidays\n%q\nwant\n%q", dated(got), want)
	}
	// Imported as exceptions, Easter is skipped: Thursday before Good
	// Friday 16:30 plus one hour is Tuesday after Easter Monday, 09:30.
	c := build(t, calendar.Spec{Hours: nineToFive.Hours, Exceptions: got})
	if due := c.Add(at("2026-04-02 16:30"), time.Hour); !due.Equal(at("2026-04-07 09:30")) {
		t.Errorf("due %s, want Tuesday 2026-04-07 09:30", due.In(berlin))
	}
}

func ics(events ...string) []byte {
	return []byte("BEGIN:VCALENDAR\nVERSION:2.0\n" + strings.Join(events, "\n") + "\nEND:VCALENDAR\n")
}

func TestHolidayRepeats(t *testing.T) {
	cases := []struct {
		name  string
		event string
		want  []string
	}{
		{"fourth Thursday of November", "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20201126\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH\nSUMMARY:Thanksgiving\nEND:VEVENT",
			[]string{"2026-11-26 Thanksgiving", "2027-11-25 Thanksgiving", "2028-11-23 Thanksgiving"}},
		{"last Monday of May", "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20200525\nRRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO\nSUMMARY:Memorial Day\nEND:VEVENT",
			[]string{"2026-05-25 Memorial Day", "2027-05-31 Memorial Day", "2028-05-29 Memorial Day"}},
		{"a count ends the repeats", "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20250815\nRRULE:FREQ=YEARLY;COUNT=2\nSUMMARY:Inventur\nEND:VEVENT",
			[]string{"2026-08-15 Inventur"}},
		{"until, inclusive", "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20250815\nRRULE:FREQ=YEARLY;UNTIL=20270815\nSUMMARY:Inventur\nEND:VEVENT",
			[]string{"2026-08-15 Inventur", "2027-08-15 Inventur"}},
		{"every other year with an exception", "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20220610\nRRULE:FREQ=YEARLY;INTERVAL=2\nEXDATE;VALUE=DATE:20260610\nSUMMARY:Offsite\nEND:VEVENT",
			[]string{"2028-06-10 Offsite"}},
		{"29 February only in leap years", "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20240229\nRRULE:FREQ=YEARLY\nSUMMARY:Leap\nEND:VEVENT",
			[]string{"2028-02-29 Leap"}},
		{"a timed event over midnight closes both days, in the calendar's zone", "BEGIN:VEVENT\nDTSTART:20261230T220000Z\nDTEND:20261231T030000Z\nSUMMARY:Migration\nEND:VEVENT",
			[]string{"2026-12-30 Migration", "2026-12-31 Migration"}},
		{"two events on one date", "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260501\nSUMMARY:Tag der Arbeit\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260501\nSUMMARY:Betriebsfest\nEND:VEVENT",
			[]string{"2026-05-01 Tag der Arbeit / Betriebsfest"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := calendar.Holidays(ics(tc.event), berlin, 2026, 2028)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(dated(got), tc.want) {
				t.Errorf("got %q, want %q", dated(got), tc.want)
			}
		})
	}
}

func TestHolidayFileErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		name string
		file string
		line int
		msg  string
	}{
		{"not a calendar", "BEGIN:VCARD\nEND:VCARD\n", 1, "starts with BEGIN:VCALENDAR"},
		{"a date with dashes", string(ics("BEGIN:VEVENT\nSUMMARY:X\nDTSTART;VALUE=DATE:2026-12-25\nEND:VEVENT")), 5, `DTSTART "2026-12-25" is not a date`},
		{"an event never closed", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nEND:VCALENDAR\n", 4, "END:VCALENDAR closes BEGIN:VEVENT from line 2"},
		{"a calendar never closed", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nEND:VEVENT\n", 1, "BEGIN:VCALENDAR is never closed"},
		{"a weekly repeat", string(ics("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nRRULE:FREQ=WEEKLY\nEND:VEVENT")), 5, "only yearly repeats"},
		{"a line without a colon", string(ics("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nSUMMARY Christmas\nEND:VEVENT")), 5, `has no ":"`},
		{"an event without a start", string(ics("BEGIN:VEVENT\nSUMMARY:Christmas\nEND:VEVENT")), 3, "no DTSTART"},
		{"an end before the start", string(ics("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nDTEND;VALUE=DATE:20261224\nEND:VEVENT")), 5, "before DTSTART"},
		{"a year off", string(ics("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nDURATION:P400D\nEND:VEVENT")), 5, "more than a year"},
		{"before 1900", string(ics("BEGIN:VEVENT\nDTSTART;VALUE=DATE:08000101\nRRULE:FREQ=YEARLY;COUNT=99999\nEND:VEVENT")), 3, "before 1900"},
		{"a month 13", string(ics("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nRRULE:FREQ=YEARLY;BYMONTH=13\nEND:VEVENT")), 5, "BYMONTH=13 is not understood"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := calendar.Holidays([]byte(tc.file), berlin, 2026, 2027)
			var pe *calendar.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a ParseError", err)
			}
			if pe.Line != tc.line || !strings.Contains(pe.Error(), tc.msg) {
				t.Errorf("err = %q, want line %d saying %q", pe.Error(), tc.line, tc.msg)
			}
		})
	}
}

func TestImportingTwiceAddsNothing(t *testing.T) {
	file, _ := os.ReadFile("testdata/de-holidays.ics")
	holidays, err := calendar.Holidays(file, berlin, 2026, 2026)
	if err != nil {
		t.Fatal(err)
	}
	spec := calendar.Spec{TimeZone: "Europe/Berlin", Hours: nineToFive.Hours,
		Exceptions: []calendar.Exception{{Date: "2026-12-24", Hours: [][2]string{{"09:00", "12:00"}}}}}
	once, added := spec.AddHolidays(holidays)
	twice, again := once.AddHolidays(holidays)
	if added != len(holidays)-1 || again != 0 || len(twice.Exceptions) != len(once.Exceptions) {
		t.Fatalf("added %d then %d of %d holidays", added, again, len(holidays))
	}
	c := build(t, twice) // no date listed twice
	if !c.Open(at("2026-12-24 11:00")) || c.Open(at("2026-12-25 11:00")) {
		t.Error("the half day set by hand must stay, Christmas must close")
	}
}
