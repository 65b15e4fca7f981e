package e2e

import (
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestInboxKeys works the inbox from the keyboard: j twice and Enter opens
// the second ticket; ? shows the help overlay and Escape closes it.
func TestInboxKeys(t *testing.T) {
	p := newPage(t)
	p.signIn(keysOperator(t), adminPassword)
	p.open("/inbox?view=open")
	p.do(chromedp.WaitVisible(chromedp.CSS("#tickets li.ticket")))
	second := get(p, chromedp.Evaluate[string](
		`document.querySelectorAll("#tickets li.ticket a.subject")[1].getAttribute("href")`))
	p.do(
		chromedp.KeyEvent("j"),
		chromedp.KeyEvent("j"),
	)
	if cur := get(p, chromedp.Evaluate[string](`document.activeElement.getAttribute("href") || ""`)); cur != second {
		t.Fatalf("after j j the focus is on %q, want the second row %q", cur, second)
	}
	p.do(
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.CSS("#thread")),
	)
	if got := p.path(); got != second {
		t.Errorf("Enter opened %s, want %s", got, second)
	}

	p.open("/inbox?view=open&team=support&priority=&assignee=")
	p.do(
		chromedp.WaitVisible(chromedp.CSS("form.filters")),
		chromedp.KeyEvent("?"),
		chromedp.WaitVisible(chromedp.CSS("dialog#keys-help")),
	)
	p.screenshot("inbox-keys-help")
	p.do(
		chromedp.KeyEvent(kb.Escape),
		chromedp.WaitNotVisible(chromedp.CSS("dialog#keys-help")),
	)
	p.checkAxe("the inbox with filters")
}

// keysOperator creates an agent of its own with the CLI: sign-ins are
// limited per address, and the other tests already sign in as the admin.
func keysOperator(t *testing.T) string {
	t.Helper()
	const email = "keys@e2e.test"
	cmd := exec.CommandContext(context.Background(), srv.bin, "user", "create", "--db", srv.db,
		"--email", email, "--name", "Kim Keys", "--role", "agent", "--password-stdin")
	cmd.Stdin = strings.NewReader(adminPassword + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("user create: %v\n%s", err, out)
	}
	return email
}
