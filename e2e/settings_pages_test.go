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
