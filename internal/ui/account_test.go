package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// An operator reaches their account from the top bar and changes their
// password only with the current one. The browser that changes it stays
// signed in; the operator's other browsers are signed out; API tokens
// keep working.
func TestAccountPasswordChange(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		other := e.newClient()
		if res, _ := e.login(other, "agent@example.com", password, ""); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("second sign-in: %d", res.StatusCode)
		}
		c := e.client("agent")
		_, inbox := e.do(c, http.MethodGet, "/inbox", nil, nil)
		expect(t, "top bar", inbox, []string{`href="/settings/account"`}, nil)
		agent, _ := e.s.Operators.Get(context.Background(), e.ids["agent"])
		secret, _, err := e.s.Operators.CreateToken(context.Background(), agent, agent.ID, "sync")
		if err != nil {
			t.Fatal(err)
		}
		const next = "a much longer secret"
		steps := []struct {
			name             string
			current, confirm string
			status           int
			contains         []string
		}{
			{"without the current password", "", next, 422, []string{`id="current_password-error"`, "Is required to change your password"}},
			{"with a wrong current password", "not my password", next, 422, []string{`id="current_password-error"`, "Is not your current password"}},
			{"with a mistyped confirmation", password, next + "!", 422, []string{`id="password_confirm-error"`}},
		}
		for _, st := range steps {
			form := url.Values{"_csrf": {e.csrf(c, "/settings/account")}, "current_password": {st.current},
				"password": {next}, "password_confirm": {st.confirm}}
			res, body := e.do(c, http.MethodPost, "/settings/account/password", form, nil)
			if res.StatusCode != st.status {
				t.Fatalf("%s: %d, want %d", st.name, res.StatusCode, st.status)
			}
			expect(t, st.name, body, st.contains, []string{next})
		}
		if res, _ := e.do(other, http.MethodGet, "/inbox", nil, nil); res.StatusCode != http.StatusOK {
			t.Fatalf("a refused change signed the other browser out: %d", res.StatusCode)
		}
		form := url.Values{"_csrf": {e.csrf(c, "/settings/account")}, "current_password": {password},
			"password": {next}, "password_confirm": {next}}
		if res, body := e.do(c, http.MethodPost, "/settings/account/password", form, nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("change with the current password: %d %s", res.StatusCode, body)
		}
		if res, _ := e.do(c, http.MethodGet, "/inbox", nil, nil); res.StatusCode != http.StatusOK {
			t.Errorf("the browser that changed the password was signed out: %d", res.StatusCode)
		}
		if res, _ := e.do(other, http.MethodGet, "/inbox", nil, nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("the other browser is still signed in after the change: %d", res.StatusCode)
		}
		if res, _ := e.login(e.newClient(), "agent@example.com", next, ""); res.StatusCode != http.StatusSeeOther {
			t.Errorf("sign-in with the new password: %d", res.StatusCode)
		}
		if op, err := e.s.Operators.ByToken(context.Background(), secret); err != nil || op.ID != agent.ID {
			t.Errorf("the API token stopped working after a password change: %v", err)
		}
	})
}

// Wrong current passwords count like failed sign-ins: past the limit the
// right one is refused too, with a clear message.
func TestAccountPasswordRateLimit(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		c := e.client("agent")
		try := func(current string) (int, string) {
			form := url.Values{"_csrf": {e.csrf(c, "/settings/account")}, "current_password": {current},
				"password": {"a much longer secret"}, "password_confirm": {"a much longer secret"}}
			res, body := e.do(c, http.MethodPost, "/settings/account/password", form, nil)
			return res.StatusCode, body
		}
		code := 0
		for i := 0; i < 20 && code != http.StatusTooManyRequests; i++ {
			code, _ = try("guess number " + strings.Repeat("x", i))
		}
		if code != http.StatusTooManyRequests {
			t.Fatalf("20 wrong current passwords were all checked")
		}
		code, body := try(password)
		if code != http.StatusTooManyRequests {
			t.Errorf("the right password past the limit: %d, want 429", code)
		}
		expect(t, "limited", body, []string{"too many times"}, nil)
	})
}

// The account page renames the operator, with a field error for an empty
// name.
func TestAccountRename(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		body := e.postAs("agent", "/settings/account", url.Values{"name": {"  "}}, http.StatusUnprocessableEntity)
		expect(t, "empty name", body, []string{`id="name-error"`}, nil)
		e.postAs("agent", "/settings/account", url.Values{"name": {"Agnes Agent"}}, http.StatusSeeOther)
		_, body = e.do(e.client("agent"), http.MethodGet, "/settings/account?done=account-saved", nil, nil)
		expect(t, "renamed", body, []string{"Agnes Agent", "Name saved."}, nil)
	})
}

// An admin resets another operator's password from the operators list
// without knowing it; every browser of that operator is signed out. An
// agent cannot reset anyone's.
func TestAdminResetsPassword(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		agent := e.client("agent")
		path := fmt.Sprintf("/settings/operators/%d", e.ids["agent"])
		adminPath := fmt.Sprintf("/settings/operators/%d", e.ids["admin"])
		form := url.Values{"_csrf": {e.csrf(agent, "/settings/account")}, "password": {"taken over 12345"}}
		if res, _ := e.do(agent, http.MethodPost, adminPath, form, nil); res.StatusCode != http.StatusForbidden {
			t.Errorf("an agent resetting the admin's password: %d, want 403", res.StatusCode)
		}
		body := e.postAs("admin", path, url.Values{"password": {"short"}}, http.StatusConflict)
		expect(t, "short password", body, []string{"at least 10 characters"}, nil)
		if res, _ := e.do(agent, http.MethodGet, "/inbox", nil, nil); res.StatusCode != http.StatusOK {
			t.Fatalf("a refused reset signed the agent out: %d", res.StatusCode)
		}
		e.postAs("admin", path, url.Values{"password": {"reset by the admin"}}, http.StatusSeeOther)
		if res, _ := e.do(agent, http.MethodGet, "/inbox", nil, nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("the agent is still signed in after an admin reset: %d", res.StatusCode)
		}
		if res, _ := e.login(e.newClient(), "agent@example.com", "reset by the admin", ""); res.StatusCode != http.StatusSeeOther {
			t.Errorf("sign-in with the reset password: %d", res.StatusCode)
		}
		if res, _ := e.do(e.client("admin"), http.MethodGet, "/inbox", nil, nil); res.StatusCode != http.StatusOK {
			t.Errorf("the admin was signed out by resetting someone else: %d", res.StatusCode)
		}
	})
}
