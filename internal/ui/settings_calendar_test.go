package ui_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// officeForm is the business-hours form as an admin fills it in.
func officeForm() url.Values {
	return url.Values{"name": {"Berlin office"}, "time_zone": {"Europe/Berlin"},
		"hours_mon": {"09:00-12:30, 13:30-17:00"}, "hours_tue": {"9:00-12:30, 13:30-17:00"},
		"hours_wed": {"09:00–17:00"}, "hours_thu": {"09:00-17:00"}, "hours_fri": {"09:00-15:00"},
		"hours_sat": {""}, "hours_sun": {"closed"}, "n": {"0"},
		"new_date": {"2026-12-24"}, "new_name": {"Christmas Eve"}, "new_hours": {"09:00-12:00"}}
}

func TestSettingsBusinessHours(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		expect(t, "empty list", e.getAs("admin", "/settings/calendars", http.StatusOK),
			[]string{"No business hours yet", `href="/settings/calendars" aria-current="page">Business hours`}, nil)
		e.getAs("agent", "/settings/calendars", http.StatusForbidden)
		e.postAs("agent", "/settings/calendars", officeForm(), http.StatusForbidden)

		e.postAs("admin", "/settings/calendars", officeForm(), http.StatusSeeOther)
		cals, err := e.s.Calendars.List(context.Background())
		if err != nil || len(cals) != 1 {
			t.Fatalf("calendars after create: %v %v", cals, err)
		}
		c := cals[0]
		if got := strings.Join([]string{rangesOf(c.Hours["mon"]), rangesOf(c.Hours["tue"]), rangesOf(c.Hours["wed"]), rangesOf(c.Hours["sun"])}, " | "); got !=
			"09:00-12:30 13:30-17:00 | 09:00-12:30 13:30-17:00 | 09:00-17:00 | " {
			t.Errorf("stored hours %q, want the lunch break on Monday and Tuesday, Wednesday whole, Sunday closed", got)
		}
		if len(c.Exceptions) != 1 || c.Exceptions[0].Name != "Christmas Eve" || rangesOf(c.Exceptions[0].Hours) != "09:00-12:00" {
			t.Errorf("exceptions %+v, want Christmas Eve 09:00-12:00", c.Exceptions)
		}
		expect(t, "list", e.getAs("admin", "/settings/calendars", http.StatusOK),
			[]string{"Berlin office", "Europe/Berlin", "Mon–Tue 09:00–12:30, 13:30–17:00", "Wed–Thu 09:00–17:00", "Fri 09:00–15:00",
				"Sat–Sun closed", "1 dated exception", "No team"}, nil)
		page := "/settings/calendars/" + itoa(c.ID)
		expect(t, "edit page", e.getAs("admin", page, http.StatusOK),
			[]string{`value="09:00-12:30, 13:30-17:00"`, `value="2026-12-24"`, `value="Christmas Eve"`, `aria-label="Remove 2026-12-24 Christmas Eve"`,
				`enctype="multipart/form-data"`}, nil)
	})
}

func TestSettingsBusinessHoursRefusedPerField(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		bad := officeForm()
		bad.Set("time_zone", "Europe/Berlen")
		bad.Set("hours_mon", "13:00-12:00")
		bad.Set("hours_tue", "nine to five")
		bad.Set("hours_wed", "09:00-12:00, 11:00-14:00")
		bad.Set("new_date", "24.12.2026")
		body := e.postAs("admin", "/settings/calendars", bad, http.StatusUnprocessableEntity)
		expect(t, "refused", body, []string{
			`id="time_zone-error">&#34;Europe/Berlen&#34; is not a known time zone`,
			`id="hours_mon-error">Mon: 13:00-12:00 ends before it starts`,
			`id="hours_tue-error">Write ranges like 09:00-12:30, 13:30-17:00`,
			`id="hours_wed-error">Wed: 09:00-12:00 overlaps 11:00-14:00`,
			`id="new_err">&#34;24.12.2026&#34; is not a date`,
			`value="nine to five"`, `value="Europe/Berlen"`}, nil)
		if cals, _ := e.s.Calendars.List(context.Background()); len(cals) != 0 {
			t.Errorf("%d calendars stored after a refused form, want none", len(cals))
		}
	})
}

func TestSettingsBusinessHoursExceptionsAndHolidays(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.postAs("admin", "/settings/calendars", officeForm(), http.StatusSeeOther)
		cals, _ := e.s.Calendars.List(context.Background())
		page := "/settings/calendars/" + itoa(cals[0].ID)

		ics, err := os.ReadFile("../calendar/testdata/de-holidays.ics")
		if err != nil {
			t.Fatal(err)
		}
		res, body := e.postICS(page+"/holidays", "2026", string(ics))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("import: %d %s", res.StatusCode, body)
		}
		expect(t, "after import", e.getAs("admin", page+"?done=holidays-imported", http.StatusOK),
			[]string{"Holidays imported.", `value="Ostermontag"`, `value="2026-10-03"`, `value="Christmas Eve"`}, nil)
		res, body = e.postICS(page+"/holidays", "", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-12-25\nEND:VEVENT\nEND:VCALENDAR\n")
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="file-error"`) || !strings.Contains(body, "line 3") {
			t.Errorf("a broken file: %d, want 422 naming line 3 on the file field: %s", res.StatusCode, body)
		}

		// Remove the first date (Neujahr) with its button: the form is
		// saved without it, the rest kept.
		before, _ := e.s.Calendars.Get(context.Background(), cals[0].ID)
		form := calendarFormOf(before)
		form.Set("op", "remove-0")
		e.postAs("admin", page, form, http.StatusSeeOther)
		after, _ := e.s.Calendars.Get(context.Background(), cals[0].ID)
		if len(after.Exceptions) != len(before.Exceptions)-1 || after.Exceptions[0].Date == before.Exceptions[0].Date {
			t.Errorf("after remove: %d exceptions starting %s, want %d without %s", len(after.Exceptions), after.Exceptions[0].Date,
				len(before.Exceptions)-1, before.Exceptions[0].Date)
		}
	})
}

func TestSettingsTeamBusinessHours(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.postAs("admin", "/settings/calendars", officeForm(), http.StatusSeeOther)
		cals, _ := e.s.Calendars.List(context.Background())
		support, err := e.s.Teams.Find(context.Background(), e.s.DB.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		teamPage := "/settings/teams/" + itoa(support.ID)
		expect(t, "team form", e.getAs("admin", teamPage, http.StatusOK),
			[]string{`<label for="calendar_id">Business hours</label>`, `<option value="0" selected>Round the clock`,
				`<option value="` + itoa(cals[0].ID) + `">Berlin office (Europe/Berlin)</option>`}, nil)
		form := url.Values{"name": {support.Name}, "slug": {support.Slug}, "email_alias": {support.EmailAlias},
			"pipeline_id": {itoa(support.PipelineID)}, "assignment_mode": {"manual"}, "ch_email": {"on"},
			"calendar_id": {itoa(cals[0].ID)}}
		e.postAs("admin", teamPage, form, http.StatusSeeOther)
		expect(t, "team form after", e.getAs("admin", teamPage, http.StatusOK),
			[]string{`<option value="` + itoa(cals[0].ID) + `" selected>Berlin office`}, nil)
		calPage := "/settings/calendars/" + itoa(cals[0].ID)
		expect(t, "list names the team", e.getAs("admin", "/settings/calendars", http.StatusOK), []string{`>Support</a>`}, []string{"No team"})
		e.postAs("agent", calPage+"/delete", url.Values{}, http.StatusForbidden)
		e.postAs("agent", calPage, officeForm(), http.StatusForbidden)
		e.getAs("agent", calPage, http.StatusForbidden)
		refused := e.postAs("admin", calPage+"/delete", url.Values{}, http.StatusConflict)
		expect(t, "delete refused", refused, []string{"Team Support uses this calendar"}, nil)
		form.Set("calendar_id", "0")
		e.postAs("admin", teamPage, form, http.StatusSeeOther)
		e.postAs("admin", calPage+"/delete", url.Values{}, http.StatusSeeOther)
		expect(t, "deleted", e.getAs("admin", "/settings/calendars?done=calendar-deleted", http.StatusOK),
			[]string{"Business hours deleted.", "No business hours yet"}, nil)
	})
}

// postICS uploads an .ics file to the import form as a browser does.
func (e *env) postICS(path, years, content string) (*http.Response, string) {
	e.t.Helper()
	c := e.client("admin")
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("_csrf", e.csrf(c, "/settings/calendars"))
	_ = w.WriteField("years", years)
	fw, _ := w.CreateFormFile("file", "holidays.ics")
	_, _ = fw.Write([]byte(content))
	w.Close()
	return e.do(c, http.MethodPost, path, nil, map[string]string{"Content-Type": w.FormDataContentType(), "body": buf.String()})
}

func rangesOf(pairs [][2]string) string {
	var parts []string
	for _, p := range pairs {
		parts = append(parts, p[0]+"-"+p[1])
	}
	return strings.Join(parts, " ")
}

// calendarFormOf is the edit form of c as the page sends it back.
func calendarFormOf(c calendar.Record) url.Values {
	f := url.Values{"name": {c.Name}, "time_zone": {c.TimeZone}, "n": {itoa(int64(len(c.Exceptions)))}}
	for day, pairs := range c.Hours {
		f.Set("hours_"+day, strings.ReplaceAll(rangesOf(pairs), " ", ", "))
	}
	for i, ex := range c.Exceptions {
		n := itoa(int64(i))
		f.Set("ex_date_"+n, ex.Date)
		f.Set("ex_name_"+n, ex.Name)
		f.Set("ex_hours_"+n, strings.ReplaceAll(rangesOf(ex.Hours), " ", ", "))
	}
	return f
}
