package e2e

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSettingsBusinessHours: an admin sets up office hours with a lunch
// break, is told what is wrong on each field, adds Christmas Eve, imports
// the national holidays from a file and gives the hours to a team; the
// pages pass axe and fit a phone.
func TestSettingsBusinessHours(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/settings/calendars")
	p.waitText(".empty", "No business hours yet")
	p.screenshot("settings-hours-empty")
	p.checkAxe("business hours, none yet")

	p.do(
		chromedp.Click(chromedp.CSS(`a[href="/settings/calendars/new"]`)),
		chromedp.WaitVisible(chromedp.CSS("#hours_mon")),
		chromedp.SendKeys(chromedp.CSS("#name"), "Berlin office"),
		chromedp.SetValue(chromedp.CSS("#time_zone"), "Europe/Berlen"),
		chromedp.SetValue(chromedp.CSS("#hours_mon"), "09:00-12:30, 13:30-17:00"),
		chromedp.SetValue(chromedp.CSS("#hours_tue"), "13:00-12:00"),
		chromedp.Click(chromedp.CSS(`button.primary[value=save]`)),
		chromedp.WaitVisible(chromedp.CSS("#time_zone-error")),
	)
	p.waitText("#time_zone-error", "is not a known time zone")
	p.waitText("#hours_tue-error", "13:00-12:00 ends before it starts")
	p.screenshot("settings-hours-refused")
	p.checkAxe("business hours refused per field")

	p.do(
		chromedp.SetValue(chromedp.CSS("#time_zone"), "Europe/Berlin"),
		chromedp.SetValue(chromedp.CSS("#hours_tue"), "09:00-12:30, 13:30-17:00"),
		chromedp.SetValue(chromedp.CSS("#new_date"), "2026-12-24"),
		chromedp.SetValue(chromedp.CSS("#new_name"), "Christmas Eve"),
		chromedp.SetValue(chromedp.CSS("#new_hours"), "09:00-12:00"),
		chromedp.Click(chromedp.CSS(`button.primary[value=save]`)),
	)
	p.waitText("p.flash", "Business hours created.")
	id := regexp.MustCompile(`^/settings/calendars/(\d+)`).FindStringSubmatch(p.path())
	if id == nil {
		t.Fatalf("after create the page is %s, want the calendar's page", p.path())
	}

	ics, err := filepath.Abs("../internal/calendar/testdata/de-holidays.ics")
	if err != nil {
		t.Fatal(err)
	}
	p.do(
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{ics}),
		chromedp.SetValue(chromedp.CSS("#years"), "2026"),
		chromedp.Click(chromedp.CSS(`form[action$="/holidays"] button[type=submit]`)),
	)
	p.waitText("p.flash", "Holidays imported.")
	names := get(p, chromedp.Evaluate[string](`[...document.querySelectorAll("input[id^=ex_name_]")].map(i => i.value).join("|")`))
	if !strings.Contains(names, "Ostermontag") || !strings.Contains(names, "Christmas Eve") {
		t.Errorf("dates after the import: %q, want Easter Monday added and Christmas Eve kept", names)
	}
	p.fitsPhone()
	p.screenshot("settings-hours-edit")
	p.checkAxe("business hours with holidays")

	p.open("/settings/teams/1")
	p.do(
		chromedp.SetValue(chromedp.CSS("#calendar_id"), id[1]),
		chromedp.Click(chromedp.CSS(`form.settings-form button.primary`)),
	)
	p.waitText("p.flash", "Team saved.")
	p.open("/settings/calendars")
	p.waitText(".settings-table", "Mon–Tue 09:00–12:30, 13:30–17:00")
	p.waitText(".settings-table", "Support")
	p.fitsPhone()
	p.screenshot("settings-hours-list")
	p.checkAxe("business hours list")
}

// fitsPhone fails the test if anything in the page's main part reaches
// past the window's right edge at any width. (The top bar is left out:
// with every admin link it is wider than a phone on main already.)
func (p *page) fitsPhone() {
	p.t.Helper()
	const overflow = `(m => m.scrollWidth - m.clientWidth)(document.querySelector("main"))`
	for _, v := range viewports {
		p.do(chromedp.EmulateViewport(v.width, v.height))
		if over := get(p, chromedp.Evaluate[int](overflow)); over > 0 {
			p.t.Errorf("at %dpx %s is %dpx too wide: it scrolls sideways", v.width, p.path(), over)
		}
	}
	p.do(chromedp.EmulateViewport(viewports[0].width, viewports[0].height))
}
