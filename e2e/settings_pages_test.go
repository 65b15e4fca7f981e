package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// settingsRoutes are the settings pages (and the pages of item 7 beside
// them) photographed at both widths.
var settingsRoutes = []string{"/settings/teams", "/settings/teams/new", "/settings/teams/1", "/settings/teams/1/mail",
	"/settings/teams/1/mailboxes", "/settings/teams/1/form", "/settings/teams/1/widget", "/settings/operators",
	"/settings/operators/1", "/settings/operators/1/tokens", "/settings/pipelines", "/settings/pipelines/new",
	"/settings/pipelines/1", "/settings/calendars", "/settings/calendars/new", "/settings/fields", "/settings/fields/new",
	"/settings/sla", "/settings/sla/new", "/settings/outbox", "/settings/account", "/settings/tokens", "/notifications"}

// TestSettingsPagesScreenshots photographs every settings page at 1280 and
// 390 px; axe checks the pages this pass added, and no wide table makes a
// page scroll sideways at 1280 px.
func TestSettingsPagesScreenshots(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	for _, path := range settingsRoutes {
		p.open(path)
		p.do(chromedp.WaitVisible(chromedp.CSS("main")))
		if w := get(p, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > 1280 {
			t.Errorf("%s is %dpx wide at 1280px", path, w)
		}
		name := "settings" + strings.NewReplacer("/settings", "", "/", "-").Replace(path)
		p.screenshot(name)
	}
	for _, path := range []string{"/settings/operators/1", "/notifications", "/settings/account"} {
		p.open(path)
		p.do(chromedp.WaitVisible(chromedp.CSS("main")))
		p.checkAxe(path)
	}
}

// TestMailPreviewUnderCSP: the mail template's HTML preview renders in its
// frame with the mail's own styles, and the page logs no policy violation.
func TestMailPreviewUnderCSP(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	messages := chromedp.Console(p.ctx)
	p.open("/settings/teams/1/mail")
	p.do(
		chromedp.Click(chromedp.CSS("#mail-reply details.preview summary")),
		chromedp.WaitVisible(chromedp.CSS("#mail-reply iframe.mail-frame")),
	)
	// The frame is sandboxed (another origin): wait until the browser
	// fetched its document, which the resource timings show.
	for i := 0; i < 100 && !get(p, chromedp.Evaluate[bool](`performance.getEntriesByType("resource").some(e => e.name.includes("/mail/preview?") && e.responseEnd > 0)`)); i++ {
		p.do(chromedp.Sleep(100 * time.Millisecond))
	}
	p.screenshot("settings-mail-preview")
	// The Go test checks what the frame serves; here, that nothing on the
	// page or in the frame broke the policy.
	p.do(chromedp.Evaluate[chromedp.Void](`console.log("preview-check-done")`))
	for m, err := range messages {
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(m.Text, "Content Security Policy") || strings.Contains(m.Text, "Content-Security-Policy") {
			t.Errorf("policy violation: %s", m.Text)
		}
		if strings.Contains(m.Text, "preview-check-done") {
			break
		}
	}
}

// TestConfirmDialogForDestructiveActions: a destructive button asks in the
// app's dialog, whose action is red and named like the button; Cancel
// changes nothing.
func TestConfirmDialogForDestructiveActions(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/settings/pipelines/1")
	p.do(
		chromedp.Click(chromedp.CSS(`button.danger[data-confirm]`)),
		chromedp.WaitVisible(chromedp.CSS("dialog.confirm-dialog[open]")),
	)
	if got := get(p, chromedp.Text(chromedp.CSS("#confirm-q"))); !strings.Contains(got, "Delete the pipeline “Support”?") {
		t.Errorf("the dialog asks %q", got)
	}
	if got := get(p, chromedp.Text(chromedp.CSS("dialog.confirm-dialog button.danger"))); got != "Delete pipeline" {
		t.Errorf("the red action reads %q", got)
	}
	p.screenshot("confirm-dialog")
	p.checkAxe("the confirm dialog")
	p.do(
		chromedp.Click(chromedp.CSS("dialog.confirm-dialog button.secondary")),
		chromedp.WaitNotVisible(chromedp.CSS("dialog.confirm-dialog")),
	)
	if p.path() != "/settings/pipelines/1" {
		t.Errorf("Cancel went to %s", p.path())
	}
}

// TestSettingsSidebar: at 1280 px the settings sections are one list
// beside the page, not tabs wrapping onto two rows; at 390 px they fold
// under a button naming the section shown, which opens them.
func TestSettingsSidebar(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/settings/operators")
	p.do(chromedp.WaitVisible(chromedp.CSS("nav.settings-nav")))
	if !get(p, chromedp.Evaluate[bool](`(() => {
		const links = [...document.querySelectorAll(".settings-links a")];
		const lefts = new Set(links.map(a => Math.round(a.getBoundingClientRect().left)));
		const nav = document.querySelector(".settings-nav").getBoundingClientRect();
		const head = document.querySelector("main h2").getBoundingClientRect();
		return links.length >= 11 && lefts.size === 1 && head.left >= nav.right && head.top < nav.bottom;
	})()`)) {
		t.Error("at 1280 px the settings sections are not one list beside the page")
	}
	if get(p, chromedp.Evaluate[bool](`document.querySelector(".settings-toggle").checkVisibility()`)) {
		t.Error("at 1280 px the phone's sections button shows")
	}
	p.do(chromedp.EmulateViewport(390, 844))
	if get(p, chromedp.Evaluate[bool](`document.querySelector(".settings-links").checkVisibility()`)) {
		t.Error("at 390 px the settings sections show before their button is pressed")
	}
	if label := get(p, chromedp.Text(chromedp.CSS(".settings-toggle .settings-current"))); label != "Operators" {
		t.Errorf("the sections button reads %q, want the section shown, Operators", label)
	}
	p.do(chromedp.Click(chromedp.CSS(".settings-toggle")))
	if !get(p, chromedp.Evaluate[bool](`document.querySelector(".settings-links a[href='/settings/pipelines']").checkVisibility() && document.querySelector(".settings-toggle").getAttribute("aria-expanded") === "true"`)) {
		t.Error("the sections button does not open the settings sections")
	}
	p.checkAxe("the settings sections open on a phone")
	p.screenshot("settings-sections-open")
}
