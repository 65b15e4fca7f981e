package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestWorkTicketNoteReplyFileRelink is an operator's turn on one ticket:
// a note, a public reply with a file, and moving the ticket to the
// customer it really belongs to.
func TestWorkTicketNoteReplyFileRelink(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	tk := seededBySubject(t, "Password reset mail never arrives")
	p.open(fmt.Sprintf("/tickets/%d", tk.Number))

	p.do(
		chromedp.Click(chromedp.CSS("label.kind-note")),
		chromedp.SendKeys(chromedp.CSS("#body"), "Checked the mail log: the address bounces."),
		chromedp.Click(chromedp.CSS("#composer button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#thread li.msg-note")),
	)
	if got := get(p, chromedp.Text(chromedp.CSS("#thread li.msg-note"))); !strings.Contains(got, "Internal note") ||
		!strings.Contains(got, "the address bounces") {
		t.Errorf("the note reads %q, want it marked internal", got)
	}

	file := filepath.Join(t.TempDir(), "reset-steps.txt")
	if err := os.WriteFile(file, []byte("1. Open settings\n2. Reset\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.do(
		chromedp.Click(chromedp.CSS("label.kind-reply")),
		chromedp.SendKeys(chromedp.CSS("#body"), "Here are the steps; please try again."),
		chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{file}),
		chromedp.Click(chromedp.CSS("#composer button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#thread li.msg-reply .files a")),
	)
	link := get(p, chromedp.Text(chromedp.CSS("#thread li.msg-reply .files a")))
	if !strings.Contains(link, "reset-steps.txt") {
		t.Errorf("the reply lists %q, want the attached file", link)
	}
	p.screenshot("ticket-worked")
	p.checkAxe("a ticket with a note, a reply and a file")

	p.do(
		chromedp.Click(chromedp.CSS("details.relink summary")),
		chromedp.SendKeys(chromedp.CSS("#relink-email"), "dev.ops@example.com"),
		chromedp.Click(chromedp.CSS("details.relink button[type=submit]")),
		// The card of the new customer is the sign the move went through.
		chromedp.WaitVisible(chromedp.CSS(`section.customer a[href="mailto:dev.ops@example.com"]`)),
	)
	history := get(p, chromedp.Text(chromedp.CSS("#thread")))
	if !strings.Contains(history, "dev.ops@example.com") && !strings.Contains(strings.ToLower(history), "customer") {
		t.Errorf("the history does not record the change of customer: %q", history)
	}
}
