package server_test

import (
	"bytes"
	"mime/multipart"
	"os"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

const lunchBreakWeek = `{"name":"Berlin office","time_zone":"Europe/Berlin","hours":{
	"mon":[["09:00","12:30"],["13:30","17:00"]],"tue":[["09:00","12:30"],["13:30","17:00"]],
	"wed":[["09:00","17:00"]],"thu":[["09:00","17:00"]],"fri":[["09:00","15:00"]]},
	"exceptions":[{"date":"2026-12-24","name":"Christmas Eve","hours":[["09:00","12:00"]]}]}`

func TestCalendarsThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.run([]scenario{
			{name: "no token", method: "GET", url: "/api/v1/calendars", status: 401},
			{name: "empty list", method: "GET", url: "/api/v1/calendars", token: "agent", status: 200, contains: []string{`{"items":[]}`}},
			{name: "agent may not create", method: "POST", url: "/api/v1/calendars", token: "agent", body: lunchBreakWeek, status: 403},
			{name: "create", method: "POST", url: "/api/v1/calendars", token: "admin", body: lunchBreakWeek, status: 201,
				contains: []string{`"id":1`, `"time_zone":"Europe/Berlin"`, `"mon":[["09:00","12:30"],["13:30","17:00"]]`, `"sun":[]`,
					`{"date":"2026-12-24","name":"Christmas Eve","hours":[["09:00","12:00"]]}`, `"teams":[]`}},
			{name: "agent reads", method: "GET", url: "/api/v1/calendars/1", token: "agent", status: 200, contains: []string{`"Berlin office"`}},
			{name: "every problem on its field", method: "POST", url: "/api/v1/calendars", token: "admin",
				body: `{"name":"","time_zone":"Mars/Olympus","hours":{"mon":[["09:00","12:00","17:00"]],"tue":[["13:00","12:00"]],
					"wed":[["09:00","12:00"],["11:00","14:00"]],"thu":[["9am","17:00"]],"fri":[["09:00","17:00"]]},
					"exceptions":[{"date":"24.12.2026","hours":[]}]}`, status: 422,
				contains: []string{`"name":`, `"time_zone":"\"Mars/Olympus\" is not a known time zone`,
					`"hours.mon":"mon: [\"09:00\",\"12:00\",\"17:00\"] is not a range`, `"hours.tue":"tue: 13:00-12:00 ends before it starts"`,
					`"hours.wed":"wed: 09:00-12:00 overlaps 11:00-14:00"`, `"hours.thu":"thu: \"9am\" is not a time`, `"exceptions[0].date"`}},
			{name: "a range of one time", method: "PATCH", url: "/api/v1/calendars/1", token: "admin",
				body: `{"hours":{"sat":[["10:00"]]}}`, status: 422, contains: []string{`"hours.sat":"sat: [\"10:00\"] is not a range`}},
			{name: "never open", method: "POST", url: "/api/v1/calendars", token: "admin",
				body: `{"name":"Closed","time_zone":"UTC","hours":{}}`, status: 422, contains: []string{`"hours":"no day has open hours`}},
			{name: "name taken", method: "POST", url: "/api/v1/calendars", token: "admin",
				body: `{"name":"berlin OFFICE","time_zone":"UTC","hours":{"mon":[["00:00","24:00"]]}}`, status: 422,
				contains: []string{`"name":"another calendar already has this name"`}},
			{name: "change one day, keep the rest", method: "PATCH", url: "/api/v1/calendars/1", token: "admin",
				body: `{"hours":{"sat":[["10:00","14:00"]]}}`, status: 200,
				contains: []string{`"sat":[["10:00","14:00"]]`, `"mon":[["09:00","12:30"],["13:30","17:00"]]`, `"Christmas Eve"`}},
			{name: "agent may not change", method: "PATCH", url: "/api/v1/calendars/1", token: "agent", body: `{"name":"Mine"}`, status: 403},
			{name: "team takes the calendar", method: "PATCH", url: "/api/v1/teams/1", token: "admin", body: `{"calendar_id":1}`,
				status: 200, contains: []string{`"calendar_id":1`}},
			{name: "unknown calendar for a team", method: "PATCH", url: "/api/v1/teams/1", token: "admin", body: `{"calendar_id":77}`,
				status: 422, contains: []string{`"calendar_id":"no such calendar"`}},
			{name: "calendar lists its team", method: "GET", url: "/api/v1/calendars", token: "agent", status: 200,
				contains: []string{`"teams":[{"id":1,"name":"Support"}]`}},
			{name: "agent may not delete", method: "DELETE", url: "/api/v1/calendars/1", token: "agent", status: 403},
			{name: "delete while a team uses it", method: "DELETE", url: "/api/v1/calendars/1", token: "admin", status: 409,
				contains: []string{"team Support uses this calendar"}},
			{name: "team back to round the clock", method: "PATCH", url: "/api/v1/teams/1", token: "admin", body: `{"calendar_id":null}`,
				status: 200, contains: []string{`"calendar_id":null`}},
			{name: "delete unused", method: "DELETE", url: "/api/v1/calendars/1", token: "admin", status: 204},
			{name: "gone", method: "GET", url: "/api/v1/calendars/1", token: "agent", status: 404},
		})
	})
}

func TestHolidayImportThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.create("/api/v1/calendars", lunchBreakWeek)
		file, err := os.ReadFile("../calendar/testdata/de-holidays.ics")
		if err != nil {
			t.Fatal(err)
		}
		form, ctype := multipartICS(t, file, "2027")
		broken := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Christmas\r\nDTSTART;VALUE=DATE:2026-12-25\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
		e.run([]scenario{
			{name: "agent may not import", method: "POST", url: "/api/v1/calendars/1/holidays?years=2026", token: "agent",
				body: string(file), ctype: "text/calendar", status: 403},
			{name: "as a text/calendar body", method: "POST", url: "/api/v1/calendars/1/holidays?years=2026", token: "admin",
				body: string(file), ctype: "text/calendar", status: 200,
				contains:   []string{`{"date":"2026-04-06","name":"Ostermontag","hours":[]}`, `{"date":"2026-12-24","name":"Christmas Eve","hours":[["09:00","12:00"]]}`},
				notContain: []string{`"2027-`}},
			{name: "as a multipart upload", method: "POST", url: "/api/v1/calendars/1/holidays", token: "admin",
				body: form, ctype: ctype, status: 200, contains: []string{`"2026-04-06"`, `{"date":"2027-03-29","name":"Ostermontag","hours":[]}`}},
			{name: "a file that does not parse", method: "POST", url: "/api/v1/calendars/1/holidays", token: "admin",
				body: broken, ctype: "text/calendar", status: 422, contains: []string{`"file":`, `line 4: DTSTART`}},
			{name: "bad years", method: "POST", url: "/api/v1/calendars/1/holidays?years=next", token: "admin",
				body: string(file), ctype: "text/calendar", status: 422, contains: []string{`"years":`}},
			{name: "a JSON body", method: "POST", url: "/api/v1/calendars/1/holidays", token: "admin", body: `{}`, status: 415},
			{name: "a form without the file", method: "POST", url: "/api/v1/calendars/1/holidays", token: "admin",
				body: "years=2026", ctype: "multipart/form-data; boundary=x", status: 422, contains: []string{`"file":`}},
			{name: "a file over 2 MB", method: "POST", url: "/api/v1/calendars/1/holidays", token: "admin",
				body: strings.Repeat("X", 3<<20), ctype: "text/calendar", status: 413},
			{name: "no such calendar", method: "POST", url: "/api/v1/calendars/9/holidays", token: "admin",
				body: string(file), ctype: "text/calendar", status: 404},
		})
	})
}

func multipartICS(t *testing.T, file []byte, years string) (string, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	part, err := w.CreateFormFile("file", "holidays.ics")
	if err == nil {
		_, err = part.Write(file)
	}
	if err == nil {
		err = w.WriteField("years", years)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.String(), w.FormDataContentType()
}
