package e2e

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSLADueSoonest: an admin gives urgent tickets a first-response
// target (refused first for a zero target, on its field), and the inbox
// sorted by "Due soonest" shows the overdue urgent ticket first, in red,
// with "overdue" in words; the ticket page lists the target. The seeded
// urgent ticket is older than the one-minute target by the time it is
// due, so the test waits at most a little over a minute.
func TestSLADueSoonest(t *testing.T) {
	p := longPage(t, 3*time.Minute)
	p.signIn(adminEmail, adminPassword)
	// Hours of its own, open round the clock: the team may have office
	// hours from another test, and the run may be at night.
	p.open("/settings/calendars/new")
	p.do(chromedp.SendKeys(chromedp.CSS("#name"), "Always open"), chromedp.SetValue(chromedp.CSS("#time_zone"), "UTC"))
	for _, day := range []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
		p.do(chromedp.SetValue(chromedp.CSS("#hours_"+day), "00:00-24:00"))
	}
	p.do(chromedp.Click(chromedp.CSS(`button.primary[value=save]`)))
	p.waitText("p.flash", "Business hours created.")
	cal := regexp.MustCompile(`^/settings/calendars/(\d+)`).FindStringSubmatch(p.path())
	if cal == nil {
		t.Fatalf("after creating the hours the page is %s", p.path())
	}
	p.open("/settings/sla") // other tests' policies may be listed: they select their own teams' tickets
	p.do(
		chromedp.Click(chromedp.CSS(`a[href="/settings/sla/new"]`)),
		chromedp.WaitVisible(chromedp.CSS("#first_response")),
		chromedp.SendKeys(chromedp.CSS("#name"), "Urgent"),
		chromedp.Click(chromedp.CSS(`input[name=priority][value="3"]`)),
		chromedp.SetValue(chromedp.CSS("#calendar_id"), cal[1]),
		chromedp.SetValue(chromedp.CSS("#first_response"), "0"),
		chromedp.Click(chromedp.CSS(`form.settings-form button.primary`)),
		chromedp.WaitVisible(chromedp.CSS("#first_response-error")),
	)
	p.waitText("#first_response-error", "a target is from 1 minute to a year")
	p.screenshot("sla-policy-refused")
	p.checkAxe("SLA policy refused per field")
	p.do(
		chromedp.SetValue(chromedp.CSS("#first_response"), "1"),
		chromedp.Click(chromedp.CSS(`form.settings-form button.primary`)),
	)
	p.waitText("p.flash", "SLA policy created")
	p.open("/settings/sla")
	p.waitText(".settings-table", "Urgent priority")
	p.fitsPhone()
	p.screenshot("sla-policies")
	p.checkAxe("SLA policies list")

	// The background worker recomputes the open tickets; the urgent one
	// becomes overdue a minute after it was seeded.
	var first string
	for deadline := time.Now().Add(100 * time.Second); ; time.Sleep(3 * time.Second) {
		p.open("/inbox?view=open&sort=due&team=support") // other tests' teams have their own overdue tickets
		first = get(p, chromedp.Evaluate[string](`(document.querySelector("#tickets li.ticket") || {}).innerText || ""`))
		if strings.Contains(first, "overdue") || time.Now().After(deadline) {
			break
		}
	}
	if !strings.Contains(first, "Checkout is down for everyone") || !strings.Contains(first, "overdue") {
		t.Fatalf("first row of the inbox sorted by due time: %q, want the urgent ticket, overdue", first)
	}
	red := get(p, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("#tickets li.ticket .sla-badge")).color`))
	if red != "rgb(180, 35, 24)" {
		t.Errorf("overdue badge colour %s, want the danger red", red)
	}
	p.fitsPhone()
	p.screenshot("inbox-due-soonest")
	p.checkAxe("inbox sorted by due time")

	p.do(chromedp.Click(chromedp.CSS(`#tickets li.ticket a.subject`)))
	p.waitText("#sla", "First response")
	p.waitText("#sla", "Overdue")
	p.screenshot("ticket-sla")
}

// longPage is newPage with room to wait for a due time to pass.
func longPage(t *testing.T, timeout time.Duration) *page {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
	tab, cancelTab := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancelTab)
	ctx, cancel := context.WithTimeout(tab, timeout)
	t.Cleanup(cancel)
	p := &page{t: t, ctx: ctx, shots: os.Getenv("FRONTDESK_E2E_SHOTS")}
	if p.shots == "" {
		p.shots = t.TempDir()
	}
	p.do(chromedp.EmulateViewport(viewports[0].width, viewports[0].height))
	return p
}
