package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestSignIn(t *testing.T) {
	p := newPage(t)
	p.open("/")
	if got := p.path(); !strings.HasPrefix(got, "/login") {
		t.Fatalf("a visitor at / is at %s, want the login page", got)
	}
	p.screenshot("login")

	p.signIn(adminEmail, adminPassword)
	if got := p.path(); got != "/inbox" {
		t.Errorf("after signing in the operator is at %s, want /inbox", got)
	}
	if who := get(p, chromedp.Text(chromedp.CSS("header.bar details.profile:not(.availability) .who"))); who != "Admin" {
		t.Errorf("the bar names %q, want Admin", who)
	}
}

func TestWrongPassword(t *testing.T) {
	p := newPage(t)
	p.open("/login")
	p.do(
		chromedp.SendKeys(chromedp.CSS("#email"), adminEmail),
		chromedp.SendKeys(chromedp.CSS("#password"), "not the password"),
		chromedp.Click(chromedp.CSS("form[action='/login'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#form-error")),
	)
	p.screenshot("login-error")
	if msg := get(p, chromedp.Text(chromedp.CSS("#form-error"))); !strings.Contains(msg, "wrong") {
		t.Errorf("the error says %q, want it to say the email or password is wrong", msg)
	}
	if email := get(p, chromedp.Value(chromedp.CSS("#email"))); email != adminEmail {
		t.Errorf("the email field holds %q after the error, want it kept", email)
	}
	if got := p.path(); !strings.HasPrefix(got, "/login") {
		t.Errorf("after a wrong password the visitor is at %s, want the login page", got)
	}
}

func TestSignOut(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.do(
		chromedp.Click(chromedp.CSS("details.profile:not(.availability) summary")),
		chromedp.Click(chromedp.CSS(".profile-menu form[action='/logout'] button")),
		chromedp.WaitVisible(chromedp.CSS("#email")),
	)
	if got := p.path(); !strings.HasPrefix(got, "/login") {
		t.Errorf("after signing out the operator is at %s, want the login page", got)
	}
	p.open("/inbox")
	if got := p.path(); !strings.HasPrefix(got, "/login") {
		t.Errorf("after signing out /inbox leads to %s, want the login page", got)
	}
}
