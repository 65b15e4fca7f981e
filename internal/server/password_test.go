package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/session"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// Through the API, one's own password changes only with the current one;
// an admin resets another's without it. Either way the operator's browser
// sessions end and API tokens keep working.
func TestPasswordChangeThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		agentURL := fmt.Sprintf("/api/v1/operators/%d", e.ids["agent"])
		browser := e.signIn(e.ids["agent"])
		e.run([]scenario{
			{name: "no current password", method: "PATCH", url: agentURL, token: "agent",
				body: `{"password":"a much longer secret"}`, status: 422, contains: []string{`"current_password":"is required`}},
			{name: "wrong current password", method: "PATCH", url: agentURL, token: "agent",
				body: `{"password":"a much longer secret","current_password":"not it at all"}`, status: 422,
				contains: []string{`"current_password":"is not your current password"`}},
			{name: "an agent resets the admin", method: "PATCH", url: fmt.Sprintf("/api/v1/operators/%d", e.ids["admin"]),
				token: "agent", body: `{"password":"a much longer secret"}`, status: 403},
		})
		if !e.signedIn(browser) {
			t.Fatal("a refused change ended the agent's browser session")
		}
		e.run([]scenario{{name: "with the current password", method: "PATCH", url: agentURL, token: "agent",
			body: `{"password":"a much longer secret","current_password":"correct horse battery"}`, status: 200}})
		if e.signedIn(browser) {
			t.Error("the agent's browser is still signed in after a password change")
		}
		first, second := e.signIn(e.ids["agent"]), e.signIn(e.ids["agent"])
		e.run([]scenario{
			{name: "admin reset", method: "PATCH", url: agentURL, token: "admin", body: `{"password":"reset by the admin"}`, status: 200},
			{name: "the agent's token still works", method: "GET", url: "/api/v1/operators/me", token: "agent", status: 200},
		})
		if e.signedIn(first) || e.signedIn(second) {
			t.Error("the agent's browsers are still signed in after an admin reset")
		}
	})
}

// Wrong current passwords through the API are limited like sign-in
// attempts: past the limit even the right one gets 429.
func TestPasswordGuessesThroughAPIAreLimited(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		agentURL := fmt.Sprintf("/api/v1/operators/%d", e.ids["agent"])
		code := 0
		for i := 0; i < 20 && code != http.StatusTooManyRequests; i++ {
			code, _ = e.do("PATCH", agentURL, "agent", fmt.Sprintf(`{"password":"a much longer secret","current_password":"guess %d"}`, i), "")
		}
		if code != http.StatusTooManyRequests {
			t.Fatal("20 wrong current passwords were all checked")
		}
		e.run([]scenario{{name: "right password past the limit", method: "PATCH", url: agentURL, token: "agent",
			body: `{"password":"a much longer secret","current_password":"correct horse battery"}`, status: 429,
			contains: []string{`"rate_limited"`}}})
	})
}

// signIn starts a browser session for operator id and returns its cookie.
func (e *env) signIn(id int64) string {
	e.t.Helper()
	secret, _, err := (&session.Store{DB: e.s.DB}).Create(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return secret
}

// signedIn reports whether the agent app lets the session's cookie in.
func (e *env) signedIn(secret string) bool {
	req := httptest.NewRequest("GET", "/inbox", nil)
	req.AddCookie(&http.Cookie{Name: "fd_session", Value: secret})
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return rec.Code == http.StatusOK
}
