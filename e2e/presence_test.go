package e2e

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPresenceTwoOperators: two operators open one ticket in two browsers;
// each sees the other there, sees when the other types, and sees them go.
func TestPresenceTwoOperators(t *testing.T) {
	const email = "presence@e2e.test"
	cmd := exec.CommandContext(context.Background(), srv.bin, "user", "create", "--db", srv.db,
		"--email", email, "--name", "Lee Presence", "--role", "agent", "--password-stdin")
	cmd.Stdin = strings.NewReader(adminPassword + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("user create: %v\n%s", err, out)
	}
	admin, lee := newPage(t), newPage(t)
	admin.signIn(adminEmail, adminPassword)
	lee.signIn(email, adminPassword)
	path := "/tickets/" + strconv.FormatInt(seeded[1].Number, 10)
	admin.open(path)
	lee.open(path)
	admin.do(chromedp.WaitVisible(chromedp.CSS("#presence li.presence-who")))
	if got := get(admin, chromedp.Text(chromedp.CSS("#presence"))); !strings.Contains(got, "Lee Presence is viewing") {
		t.Errorf("the admin sees %q", got)
	}
	lee.do(chromedp.WaitVisible(chromedp.CSS("#presence li.presence-who")))
	if got := get(lee, chromedp.Text(chromedp.CSS("#presence"))); !strings.Contains(got, "Admin") && !strings.Contains(got, "is viewing") {
		t.Errorf("Lee sees %q", got)
	}

	lee.do(chromedp.SendKeys(chromedp.CSS("#composer textarea"), "I'll take this one"))
	admin.do(chromedp.WaitVisible(chromedp.CSS("#presence li.presence-who.typing")))
	if got := get(admin, chromedp.Text(chromedp.CSS("#presence li.typing"))); got != "Lee Presence is typing…" {
		t.Errorf("typing shows %q", got)
	}
	admin.screenshot("ticket-presence")
	admin.checkAxe("a ticket with someone else typing")

	// Lee turns the draft into a note for the admin, and leaves the ticket.
	lee.do(
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#composer textarea").value = ""`),
		chromedp.Click(chromedp.CSS("label.kind-note")),
		chromedp.SendKeys(chromedp.CSS("#composer textarea"), "@admin can you take this one?"),
		chromedp.Click(chromedp.CSS("#send")),
		chromedp.WaitVisible(chromedp.CSS("#thread li.msg-note")),
	)
	// The admin's bell counts it at once, without a reload.
	admin.do(chromedp.WaitVisible(chromedp.CSS("header.bar .notif .notif-count")))
	if got := get(admin, chromedp.Evaluate[string](`document.querySelector(".notif").textContent`)); got != "Notifications1 unread" {
		t.Errorf("without a reload the bell reads %q", got)
	}
	lee.open("/inbox")
	admin.do(chromedp.WaitNotPresent(chromedp.CSS("#presence li.presence-who")))

	// The admin is told: the bell counts it, the list shows it, it opens the ticket.
	admin.open("/inbox")
	if got := get(admin, chromedp.Evaluate[string](`document.querySelector(".notif").textContent`)); got != "Notifications1 unread" {
		t.Errorf("the bell reads %q", got)
	}
	admin.open("/notifications")
	if got := get(admin, chromedp.Text(chromedp.CSS(".notif-list"))); !strings.Contains(got, "Lee Presence mentioned you in a note") ||
		!strings.Contains(got, "can you take this one?") {
		t.Errorf("the notifications read %q", got)
	}
	admin.screenshot("notifications")
	admin.checkAxe("the notifications")
	admin.do(chromedp.Click(chromedp.CSS(".notif-list a")), chromedp.WaitVisible(chromedp.CSS("#thread")))
	if admin.path() != path {
		t.Errorf("the notification opened %s, want %s", admin.path(), path)
	}
}
