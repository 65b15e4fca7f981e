package e2e

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestForgotPassword follows "Forgot your password?" from the sign-in
// page: the link (in the server's log, as the test server has no relay)
// sets a new password once, the operator signs in with it, and the link
// then says it no longer works.
func TestForgotPassword(t *testing.T) {
	email := "fay@example.com"
	cmd := exec.Command(srv.bin, "user", "create", "--db", srv.db, "--email", email, "--name", "Fay Forgetful",
		"--role", "agent", "--password-stdin")
	cmd.Stdin = strings.NewReader("an old password nobody recalls\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("user create: %v %s", err, out)
	}
	p := newPage(t)
	p.open("/login")
	p.do(
		chromedp.Click(chromedp.CSS(`a[href="/login/forgot"]`)),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.Click(chromedp.CSS("form[action='/login/forgot'] button")),
		chromedp.WaitVisible(chromedp.CSS("#sent")),
	)
	p.screenshot("forgot-sent")
	p.checkAxe("the forgot-password answer")
	link := ""
	linkRE := regexp.MustCompile(`operator=` + regexp.QuoteMeta(email) + ` link=(\S+)`)
	for deadline := time.Now().Add(10 * time.Second); link == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if m := linkRE.FindStringSubmatch(srv.logText()); m != nil {
			link = m[1]
		}
	}
	if !strings.HasPrefix(link, srv.url+"/login/reset/") {
		t.Fatalf("no password link in the server's log:\n%s", srv.logText())
	}
	p.do(
		chromedp.Navigate(link),
		chromedp.WaitVisible(chromedp.CSS("#password")),
		chromedp.SendKeys(chromedp.CSS("#password"), "a brand new password"),
		chromedp.SendKeys(chromedp.CSS("#confirm"), "a brand new password"),
	)
	p.screenshot("reset-form")
	p.checkAxe("the new-password form")
	p.do(
		chromedp.Click(chromedp.CSS("section.auth button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("p.flash")),
	)
	if msg := get(p, chromedp.Text(chromedp.CSS("p.flash"))); !strings.Contains(msg, "new password is set") {
		t.Errorf("after the reset the sign-in page says %q", msg)
	}
	p.signIn(email, "a brand new password")
	p.do(chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("section.auth h1")))
	if h := get(p, chromedp.Text(chromedp.CSS("section.auth h1"))); h != "This link no longer works" {
		t.Errorf("the used link says %q", h)
	}
}
