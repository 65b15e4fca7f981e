package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// mailbox catches the account mail the app sends.
type mailbox chan [3]string

func (m mailbox) SendText(_ context.Context, to, subject, text string) error {
	m <- [3]string{to, subject, text}
	return nil
}

// "Forgot password": the same answer whether or not the address has an
// account, a mailed link that sets a new password once and signs every
// browser out, a dead link said plainly, and requests limited.
func TestForgotPassword(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		box := make(mailbox, 4)
		e.s.AccountMail = box
		anon := e.newClient()
		ask := func(email string) (int, string) {
			form := url.Values{"_csrf": {e.csrf(anon, "/login/forgot")}, "email": {email}}
			res, body := e.do(anon, http.MethodPost, "/login/forgot", form, nil)
			return res.StatusCode, body
		}
		code, unknown := ask("nobody@example.com")
		code2, known := ask("agent@example.com")
		answer := func(body, email string) string {
			return strings.ReplaceAll(body[strings.Index(body, `<section class="auth">`):strings.Index(body, "</section>")], email, "X")
		}
		if code != 200 || code2 != 200 || answer(unknown, "nobody@example.com") != answer(known, "agent@example.com") {
			t.Errorf("the answers differ: %d %d\n%s\n%s", code, code2, unknown, known)
		}
		var mail [3]string
		select {
		case mail = <-box:
		case <-time.After(5 * time.Second):
			t.Fatal("no mail for a known address")
		}
		if len(box) != 0 || mail[0] != "agent@example.com" || !strings.Contains(mail[2], "http://x/login/reset/") {
			t.Fatalf("mail %q (and %d more)", mail, len(box))
		}
		link := strings.TrimPrefix(strings.Fields(mail[2][strings.Index(mail[2], "http://x"):])[0], "http://x")
		expect(t, "link", e.get(link, http.StatusOK), []string{"Choose a new password", "The agent"}, nil)

		set := func(pw, confirm string) (*http.Response, string) {
			form := url.Values{"_csrf": {e.csrf(anon, link)}, "password": {pw}, "confirm": {confirm}}
			return e.do(anon, http.MethodPost, link, form, nil)
		}
		if res, body := set("short", "short"); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "at least 10") {
			t.Errorf("a short password: %d", res.StatusCode)
		}
		if res, body := set("long enough one", "long enough two"); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "differ") {
			t.Errorf("two different passwords: %d", res.StatusCode)
		}
		if res, _ := set("a fresh password", "a fresh password"); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login?done=password" {
			t.Fatalf("set: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		if res, _ := e.login(e.newClient(), "agent@example.com", "a fresh password", "/inbox"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("the new password does not sign in: %d", res.StatusCode)
		}
		res, body := e.do(anon, http.MethodGet, link, nil, nil)
		if res.StatusCode != http.StatusNotFound || !strings.Contains(body, "This link no longer works") {
			t.Errorf("the used link: %d", res.StatusCode)
		}
		limited := false
		for range 5 {
			if code, _ := ask("admin@example.com"); code == http.StatusTooManyRequests {
				limited = true
				break
			}
		}
		if !limited || len(box) > 3 {
			t.Errorf("requests for one address are not limited: %d mails", len(box))
		}
	})
}
