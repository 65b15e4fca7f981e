package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestLogin(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		cases := []struct {
			name, email, password, next string
			status                      int
			location                    string
			cookie                      bool
			contains, notContain        []string
		}{
			{name: "right password lands on the inbox", email: "agent@example.com", password: password,
				status: http.StatusSeeOther, location: "/inbox", cookie: true},
			{name: "email in another case", email: "Agent@Example.com", password: password,
				status: http.StatusSeeOther, location: "/inbox", cookie: true},
			{name: "wrong password", email: "agent@example.com", password: "nope", status: http.StatusUnauthorized,
				contains: []string{"The email or the password is wrong", `value="agent@example.com"`, `role="alert"`}},
			{name: "unknown email says the same", email: "who@example.com", password: password,
				status: http.StatusUnauthorized, contains: []string{"The email or the password is wrong"}},
			{name: "empty fields are named", email: "", password: "", status: http.StatusUnprocessableEntity,
				contains: []string{"Enter the email address of your account.", "Enter your password.", `aria-invalid="true"`}},
			{name: "a relative next is followed", email: "agent@example.com", password: password,
				next: "/inbox?view=closed", status: http.StatusSeeOther, location: "/inbox?view=closed", cookie: true},
			{name: "another site is not", email: "agent@example.com", password: password,
				next: "https://evil.example/x", status: http.StatusSeeOther, location: "/inbox", cookie: true},
			{name: "nor a protocol-relative one", email: "agent@example.com", password: password,
				next: "//evil.example", status: http.StatusSeeOther, location: "/inbox", cookie: true},
			{name: "nor a backslash trick", email: "agent@example.com", password: password,
				next: `/\evil.example`, status: http.StatusSeeOther, location: "/inbox", cookie: true},
		}
		for _, tc := range cases {
			res, body := e.login(e.newClient(), tc.email, tc.password, tc.next)
			if res.StatusCode != tc.status || res.Header.Get("Location") != tc.location {
				t.Errorf("%s: %d to %q, want %d to %q", tc.name, res.StatusCode, res.Header.Get("Location"), tc.status, tc.location)
			}
			c := hasCookie(res, "fd_session")
			if (c != nil) != tc.cookie {
				t.Errorf("%s: session cookie %v, want %v", tc.name, c, tc.cookie)
			}
			if c != nil && (!c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.MaxAge != 14*24*3600) {
				t.Errorf("%s: cookie attributes %+v", tc.name, c)
			}
			expect(t, tc.name, body, tc.contains, tc.notContain)
		}
	})
}

func TestLoginForm(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		c := e.newClient()
		res, body := e.do(c, http.MethodGet, "/login?next=https://evil.example", nil, nil)
		expect(t, "form", body, []string{`<label for="email">`, `<label for="password">`, `name="next" value="/inbox"`},
			[]string{"evil.example"})
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("CSP = %q", csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
			"X-Frame-Options": "DENY"} {
			if res.Header.Get(k) != v {
				t.Errorf("%s = %q, want %q", k, res.Header.Get(k), v)
			}
		}
		form := url.Values{"email": {"agent@example.com"}, "password": {password}}
		if res, _ := e.do(c, http.MethodPost, "/login", form, nil); res.StatusCode != http.StatusForbidden {
			t.Errorf("sign-in without the form's token: %d, want 403", res.StatusCode)
		}
	})
}

func TestLoginRateLimit(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		c := e.newClient()
		for i := range 10 {
			if res, _ := e.login(c, "agent@example.com", "wrong", ""); res.StatusCode != http.StatusUnauthorized {
				t.Fatalf("attempt %d: %d, want 401", i+1, res.StatusCode)
			}
		}
		res, body := e.login(c, "agent@example.com", password, "")
		if res.StatusCode != http.StatusTooManyRequests || hasCookie(res, "fd_session") != nil {
			t.Fatalf("attempt 11 with the right password: %d, want 429 and no session", res.StatusCode)
		}
		expect(t, "limited", body, []string{"Too many sign-in attempts", `value="agent@example.com"`}, nil)
	})
}
