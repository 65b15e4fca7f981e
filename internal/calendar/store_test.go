package calendar_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func services(t *testing.T, d *db.DB) *app.Services {
	t.Helper()
	s := app.NewServices(d, config.Defaults())
	if _, err := s.Bootstrap(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// office is a Berlin week with a lunch break, closed at the weekend, and
// Christmas Eve as a half day.
func office(name string) calendar.Input {
	day := [][]string{{"09:00", "12:30"}, {"13:30", "17:00"}}
	return calendar.Input{Name: name, TimeZone: "Europe/Berlin",
		Hours:      map[string][][]string{"mon": day, "tue": day, "wed": day, "thu": day, "fri": {{"09:00", "15:00"}}},
		Exceptions: []calendar.ExceptionInput{{Date: "2026-12-31", Name: "New Year's Eve"}, {Date: "2026-12-24", Name: "Christmas Eve", Hours: [][]string{{"09:00", "12:00"}}}}}
}

func TestCalendarStoreRoundTrip(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, s := context.Background(), services(t, d)
		got, err := s.Calendars.Create(ctx, office("  Berlin office "))
		if err != nil {
			t.Fatal(err)
		}
		read, err := s.Calendars.Get(ctx, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprint(calendar.Spec{TimeZone: "Europe/Berlin", Hours: map[string][][2]string{
			"mon": {{"09:00", "12:30"}, {"13:30", "17:00"}}, "tue": {{"09:00", "12:30"}, {"13:30", "17:00"}},
			"wed": {{"09:00", "12:30"}, {"13:30", "17:00"}}, "thu": {{"09:00", "12:30"}, {"13:30", "17:00"}},
			"fri": {{"09:00", "15:00"}}, "sat": {}, "sun": {}},
			Exceptions: []calendar.Exception{{Date: "2026-12-24", Name: "Christmas Eve", Hours: [][2]string{{"09:00", "12:00"}}},
				{Date: "2026-12-31", Name: "New Year's Eve", Hours: [][2]string{}}}})
		if read.Name != "Berlin office" || fmt.Sprint(read.Spec) != want {
			t.Errorf("read back %q %v\nwant %q %v", read.Name, read.Spec, "Berlin office", want)
		}
		if _, err := read.Calendar(); err != nil {
			t.Errorf("stored calendar does not build: %v", err)
		}
		changed := office("Berlin office")
		changed.Hours["sat"] = [][]string{{"10:00", "14:00"}}
		if _, err := s.Calendars.Update(ctx, got.ID, changed); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Calendars.Create(ctx, office("BERLIN OFFICE")); testutil.Fields(err)["name"] == "" {
			t.Errorf("a second calendar of the same name in other case: %v, want refused on name", err)
		}
		all, err := s.Calendars.List(ctx)
		if err != nil || len(all) != 1 || fmt.Sprint(all[0].Hours["sat"]) != "[[10:00 14:00]]" {
			t.Errorf("list = %+v, %v; want the one calendar open Saturday 10 to 14", all, err)
		}
	})
}

func TestCalendarRefusedPerField(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, s := context.Background(), services(t, d)
		cases := []struct {
			name  string
			edit  func(in *calendar.Input)
			field string
			says  string
		}{
			{"no name", func(in *calendar.Input) { in.Name = " " }, "name", "name"},
			{"name on two lines", func(in *calendar.Input) { in.Name = "Office\nhours" }, "name", "control character"},
			{"long exception name", func(in *calendar.Input) { in.Exceptions[0].Name = strings.Repeat("x", 201) }, "exceptions[0].name", "at most 200"},
			{"unknown zone", func(in *calendar.Input) { in.TimeZone = "Europe/Berlen" }, "time_zone", "not a known time zone"},
			{"three times in a range", func(in *calendar.Input) { in.Hours["mon"] = [][]string{{"09:00", "12:00", "17:00"}} }, "hours.mon", `["09:00","12:00","17:00"] is not a range`},
			{"one time in a range", func(in *calendar.Input) { in.Hours["tue"] = [][]string{{"09:00"}} }, "hours.tue", "is not a range"},
			{"reversed", func(in *calendar.Input) { in.Hours["wed"] = [][]string{{"13:00", "12:00"}} }, "hours.wed", "ends before it starts"},
			{"overlap", func(in *calendar.Input) { in.Hours["thu"] = [][]string{{"09:00", "12:00"}, {"11:00", "14:00"}} }, "hours.thu", "overlaps"},
			{"exception range of three", func(in *calendar.Input) { in.Exceptions[1].Hours = [][]string{{"09:00", "10:00", "11:00"}} }, "exceptions[1].hours", "is not a range"},
			{"bad date", func(in *calendar.Input) { in.Exceptions[0].Date = "31.12.2026" }, "exceptions[0].date", "not a date"},
		}
		for _, tc := range cases {
			in := office("Office")
			tc.edit(&in)
			_, err := s.Calendars.Create(ctx, in)
			if msg := testutil.Fields(err)[tc.field]; !strings.Contains(msg, tc.says) {
				t.Errorf("%s: %s = %q (error %v), want it to say %q", tc.name, tc.field, msg, err, tc.says)
			}
		}
		if all, _ := s.Calendars.List(ctx); len(all) != 0 {
			t.Errorf("%d calendars stored after refusals, want none", len(all))
		}
	})
}

func TestDeletingACalendarInUse(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, s := context.Background(), services(t, d)
		cal, err := s.Calendars.Create(ctx, office("Office"))
		if err != nil {
			t.Fatal(err)
		}
		support, err := s.Teams.Find(ctx, s.DB.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Teams.Update(ctx, support.ID, team.Input{CalendarID: &cal.ID}); err != nil {
			t.Fatal(err)
		}
		err = s.Calendars.Delete(ctx, cal.ID)
		if !errors.Is(err, domain.ErrConflict) || !strings.Contains(err.Error(), "team Support uses this calendar") {
			t.Errorf("delete in use: %v, want a conflict naming team Support", err)
		}
		if got, _ := s.Calendars.Get(ctx, cal.ID); len(got.Teams) != 1 || got.Teams[0].Name != "Support" {
			t.Errorf("calendar after refused delete lists teams %+v, want Support", got.Teams)
		}
		if _, err := s.Teams.Update(ctx, support.ID, team.Input{CalendarID: testutil.Ptr(int64(0))}); err != nil {
			t.Fatal(err)
		}
		if err := s.Calendars.Delete(ctx, cal.ID); err != nil {
			t.Fatalf("delete once unused: %v", err)
		}
		if _, err := s.Calendars.Get(ctx, cal.ID); !errors.Is(err, calendar.ErrNotFound) {
			t.Errorf("get after delete: %v, want not found", err)
		}
	})
}

func TestTeamCalendarChoice(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, s := context.Background(), services(t, d)
		cal, err := s.Calendars.Create(ctx, office("Office"))
		if err != nil {
			t.Fatal(err)
		}
		support, _ := s.Teams.Find(ctx, s.DB.Read, "support")
		if support.CalendarID != nil {
			t.Errorf("a new team has calendar %d, want none (round the clock)", *support.CalendarID)
		}
		if _, err := s.Teams.Update(ctx, support.ID, team.Input{CalendarID: testutil.Ptr(int64(99999))}); testutil.Fields(err)["calendar_id"] == "" {
			t.Errorf("unknown calendar: %v, want refused on calendar_id", err)
		}
		got, err := s.Teams.Update(ctx, support.ID, team.Input{CalendarID: &cal.ID})
		if err != nil || got.CalendarID == nil || *got.CalendarID != cal.ID {
			t.Errorf("team calendar = %v (%v), want %d", got.CalendarID, err, cal.ID)
		}
	})
}

func TestImportHolidaysIntoAStoredCalendar(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx, s := context.Background(), services(t, d)
		cal, err := s.Calendars.Create(ctx, office("Office"))
		if err != nil {
			t.Fatal(err)
		}
		file, err := os.ReadFile("testdata/de-holidays.ics")
		if err != nil {
			t.Fatal(err)
		}
		got, added, err := s.Calendars.ImportHolidays(ctx, cal.ID, file, 2026, 2026)
		if err != nil {
			t.Fatal(err)
		}
		// Ten holidays in 2026; 24 December already had hours, which stay.
		dates := dated(got.Exceptions)
		if added != 9 || !slices.Contains(dates, "2026-04-06 Ostermontag") || !slices.Contains(dates, "2026-12-24 Christmas Eve") {
			t.Errorf("added %d, exceptions %q; want 9 added, Easter Monday in, Christmas Eve kept", added, dates)
		}
		if again, n, err := s.Calendars.ImportHolidays(ctx, cal.ID, file, 2026, 2026); err != nil || n != 0 || len(again.Exceptions) != len(got.Exceptions) {
			t.Errorf("second import added %d (%v), want nothing new", n, err)
		}
		broken := []byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-12-25\nSUMMARY:Christmas\nEND:VEVENT\nEND:VCALENDAR\n")
		_, _, err = s.Calendars.ImportHolidays(ctx, cal.ID, broken, 2026, 2026)
		if msg := testutil.Fields(err)["file"]; !strings.Contains(msg, "line 3") {
			t.Errorf("broken file: %q (%v), want a message naming line 3", msg, err)
		}
		if after, _ := s.Calendars.Get(ctx, cal.ID); len(after.Exceptions) != len(got.Exceptions) {
			t.Errorf("a refused import changed the exceptions: %d, want %d", len(after.Exceptions), len(got.Exceptions))
		}
	})
}
