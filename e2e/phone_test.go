package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// phoneRoutes is every page of the agent app an admin reaches, with the
// seeded data (team, pipeline and operator 1 exist from the start).
func phoneRoutes() []string {
	return []string{"/inbox", "/inbox?view=closed", "/inbox?view=open&priority=3&tag=x&sort=waiting", "/no/such/page", "/search?q=invoice", "/search?q=" + fmt.Sprint(seeded[0].Number),
		"/contacts", "/board", "/tickets/new", fmt.Sprintf("/tickets/%d", seeded[0].Number), fmt.Sprintf("/tickets/%d?thread=all", seeded[0].Number), "/mail/failed",
		"/settings/teams", "/settings/teams/new", "/settings/teams/1", "/settings/teams/1/mail",
		"/settings/teams/1/mailboxes", "/settings/teams/1/form", "/settings/teams/1/widget",
		"/settings/operators", "/settings/operators/1/tokens", "/settings/pipelines", "/settings/pipelines/new",
		"/settings/pipelines/1", "/settings/calendars", "/settings/calendars/new", "/settings/outbox",
		"/settings/account", "/settings/tokens", "/chat/" + chatSlug, "/chats", "/settings/chat", "/settings/canned", "/settings/canned/new",
		"/settings/operators/1", "/notifications", "/settings/chatbots", "/settings/chatbots/new",
		fmt.Sprintf("/settings/chat/%d", chatEnv.channelID), "/settings/automations", "/settings/automations/new",
		"/settings/webhooks", "/settings/webhooks/new",
		"/reports", "/reports?period=30d&time=wall", "/reports?from=2026-03-02&to=2026-03-01",
		"/reports/chats", "/reports/chats?period=30d", "/chats/history", "/chats/history?outcome=missed&period=30d",
		"/chats/history?outcome=bogus",
		"/inbox?view=open&sla_missed=2026-03-01..2026-03-31&target=first_response", "/inbox?view=open&offline=2026-03-01..2026-03-31"}
}

// TestPhoneLayout opens every page at 390 px: nothing scrolls sideways,
// and the main links sit in a menu that opens from the Menu button.
func TestPhoneLayout(t *testing.T) {
	chatTeam(t) // the direct chat page needs its channel
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

// inView says whether the element sel is inside the viewport.
func inView(p *page, sel string) bool {
	p.t.Helper()
	return get(p, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect();
		return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })()`, sel)))
}

// TestPhoneTicketsFirst: at 390 px the inbox's first ticket is on the
// first screen; on a ticket page the composer and the status are one tap
// away from the top, not behind the thread; tables read as labelled cards.
func TestPhoneTicketsFirst(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.do(chromedp.EmulateViewport(390, 844))
	p.open("/inbox")
	if !inView(p, "#tickets li.ticket") {
		t.Error("at 390 px the inbox's first ticket is not on the first screen")
	}
	if get(p, chromedp.Evaluate[bool](`document.querySelector(".filter-pop").checkVisibility()`)) {
		t.Error("at 390 px the filter menus show before Filters is pressed")
	}

	p.open(fmt.Sprintf("/tickets/%d", seeded[0].Number))
	if !inView(p, ".ticket-jump") {
		t.Fatal("at 390 px the ticket page has no action bar on the first screen")
	}
	if inView(p, "#body") {
		t.Log("the composer already shows on the first screen")
	}
	p.screenshot("phone-ticket")
	p.do(chromedp.EmulateViewport(390, 844))
	p.do(chromedp.Click(chromedp.CSS(".ticket-jump a[data-jump=body]")))
	if !inView(p, "#body") || !get(p, chromedp.Evaluate[bool](`document.activeElement.id === "body"`)) {
		t.Error("Reply in the action bar does not bring the composer into view with the cursor in it")
	}
	p.do(chromedp.Evaluate[chromedp.Void](`scrollTo(0, 0)`), chromedp.Click(chromedp.CSS(".ticket-jump a[data-jump=status]")))
	if !inView(p, "#status") || !get(p, chromedp.Evaluate[bool](`document.activeElement.id === "status"`)) {
		t.Error("Status and assignee in the action bar does not bring the status menu into view")
	}
	p.do(chromedp.EmulateViewport(1280, 900))
	if get(p, chromedp.Evaluate[bool](`document.querySelector(".ticket-jump").checkVisibility()`)) {
		t.Error("the phone's action bar shows at 1280 px")
	}

	p.do(chromedp.EmulateViewport(390, 844))
	p.open("/settings/teams")
	label := get(p, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(".settings-table td"), "::before").content`))
	if label != `"Name"` {
		t.Errorf("at 390 px a table cell shows the label %s, want \"Name\"", label)
	}
	p.screenshot("phone-table")
}
