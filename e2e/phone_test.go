package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// phoneRoutes is every page of the agent app an admin reaches, with the
// seeded data (team, pipeline and operator 1 exist from the start).
func phoneRoutes() []string {
	return []string{"/inbox", "/inbox?view=closed", "/search?q=invoice", "/search?q=" + fmt.Sprint(seeded[0].Number),
		"/contacts", "/board", "/tickets/new", fmt.Sprintf("/tickets/%d", seeded[0].Number), "/mail/failed",
		"/settings/teams", "/settings/teams/new", "/settings/teams/1", "/settings/teams/1/mail",
		"/settings/teams/1/mailboxes", "/settings/teams/1/form", "/settings/teams/1/widget",
		"/settings/operators", "/settings/operators/1/tokens", "/settings/pipelines", "/settings/pipelines/new",
		"/settings/pipelines/1", "/settings/calendars", "/settings/calendars/new", "/settings/outbox",
		"/settings/account", "/settings/tokens", "/reports", "/reports?period=30d&time=wall",
		"/reports?from=2026-03-02&to=2026-03-01"}
}

// TestPhoneLayout opens every page at 390 px: nothing scrolls sideways,
// and the main links sit in a menu that opens from the Menu button.
func TestPhoneLayout(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.do(chromedp.EmulateViewport(390, 844))
	for _, path := range append(phoneRoutes(), "/contacts/1") {
		p.open(path)
		p.do(chromedp.WaitVisible(chromedp.CSS("main")))
		if w := get(p, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > 390 {
			wide := get(p, chromedp.Evaluate[string](`[...document.querySelectorAll("main *")].filter(e => e.getBoundingClientRect().right > 391).slice(0, 3).map(e => e.tagName + "." + e.className).join(", ")`))
			t.Errorf("%s is %dpx wide at 390px: it scrolls sideways (%s)", path, w, wide)
		}
	}
	p.open("/inbox")
	if get(p, chromedp.Evaluate[bool](`getComputedStyle(document.getElementById("main-nav")).display !== "none"`)) {
		t.Error("at 390px the main links show before the menu is opened")
	}
	p.do(chromedp.Click(chromedp.CSS(".menu-toggle")))
	if !get(p, chromedp.Evaluate[bool](`getComputedStyle(document.getElementById("main-nav")).display !== "none" && document.querySelector(".menu-toggle").getAttribute("aria-expanded") === "true"`)) {
		t.Error("the Menu button does not open the main links")
	}
	p.screenshot("phone-menu")
	p.checkAxe("the inbox with the phone menu open")
}
