package server_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

const goodTicket = `{"subject":"Invoice 2291 charged twice","description":"My card was charged twice for invoice 2291.",
	"team":"support","priority":2,"contact":{"email":"Mia.Wong@Example.com","first_name":"Mia","last_name":"Wong"},
	"tags":["billing"]}`

func TestOperationsEndpoints(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		newEnv(t, d).run([]scenario{
			{name: "alive", method: "GET", url: "/healthz", status: 200, contains: []string{`"ok"`}},
			{name: "ready", method: "GET", url: "/readyz", status: 200, contains: []string{`"ready"`}},
			{name: "metrics", method: "GET", url: "/metrics", status: 200,
				contains: []string{"frontdesk_http_requests_total", "go_sql_open_connections"}},
			{name: "openapi is public", method: "GET", url: "/api/v1/openapi.json", status: 200,
				contains: []string{`"openapi"`, `"/tickets"`}},
			{name: "unknown api route", method: "GET", url: "/api/v1/nope", token: "admin", status: 404,
				contains: []string{`"not_found"`}},
		})
	})
}

func TestEveryAPIRouteNeedsAToken(t *testing.T) {
	routes := []string{"GET /api/v1/tickets", "POST /api/v1/tickets", "GET /api/v1/tickets/1", "PATCH /api/v1/tickets/1",
		"GET /api/v1/tickets/1/messages", "POST /api/v1/tickets/1/messages", "GET /api/v1/tickets/1/events",
		"GET /api/v1/contacts", "GET /api/v1/contacts/1", "GET /api/v1/teams", "POST /api/v1/teams",
		"GET /api/v1/pipelines", "DELETE /api/v1/pipelines/1", "GET /api/v1/operators", "GET /api/v1/operators/me",
		"GET /api/v1/operators/1/tokens", "DELETE /api/v1/tokens/1",
		"DELETE /api/v1/contacts/1/bounces/a@example.com"}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		var sc []scenario
		for _, r := range routes {
			var method, url string
			fmt.Sscan(r, &method, &url)
			sc = append(sc, scenario{name: r + " without token", method: method, url: url, status: 401,
				contains: []string{`"unauthorized"`}})
		}
		e.tokens["forged"] = "fdk_notarealtokenatallnotarealtokenatall123"
		sc = append(sc, scenario{name: "forged token", method: "GET", url: "/api/v1/tickets", token: "forged", status: 401})
		e.run(sc)
	})
}

func TestAgentCannotManageOthers(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		admin := fmt.Sprint(e.ids["admin"])
		e.run([]scenario{
			{name: "agent creates operator", method: "POST", url: "/api/v1/operators", token: "agent",
				body: `{"email":"x@example.com","name":"X"}`, status: 403},
			{name: "agent promotes self", method: "PATCH", url: fmt.Sprintf("/api/v1/operators/%d", e.ids["agent"]),
				token: "agent", body: `{"role":"admin"}`, status: 403},
			{name: "agent renames admin", method: "PATCH", url: "/api/v1/operators/" + admin, token: "agent",
				body: `{"name":"Mallory"}`, status: 403},
			{name: "agent lists admin tokens", method: "GET", url: "/api/v1/operators/" + admin + "/tokens", token: "agent", status: 403},
			{name: "agent makes admin token", method: "POST", url: "/api/v1/operators/" + admin + "/tokens", token: "agent",
				body: `{"name":"steal"}`, status: 403, notContain: []string{"fdk_"}},
			{name: "agent makes own token", method: "POST", url: fmt.Sprintf("/api/v1/operators/%d/tokens", e.ids["agent"]),
				token: "agent", body: `{"name":"mine"}`, status: 201, contains: []string{`"token":"fdk_`}},
			{name: "agent creates team", method: "POST", url: "/api/v1/teams", token: "agent", body: `{"name":"Sales"}`, status: 403},
			{name: "agent deletes pipeline", method: "DELETE", url: "/api/v1/pipelines/1", token: "agent", status: 403},
			{name: "agent works tickets", method: "POST", url: "/api/v1/tickets", token: "agent", body: goodTicket, status: 201},
			{name: "admin creates operator", method: "POST", url: "/api/v1/operators", token: "admin",
				body: `{"email":"new@example.com","name":"New One","role":"agent","password":"long enough pw"}`, status: 201},
			{name: "tokens of nobody", method: "GET", url: "/api/v1/operators/99999/tokens", token: "admin", status: 404},
		})
	})
}

func TestRevokedTokenStopsWorking(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.run([]scenario{{name: "before", method: "GET", url: "/api/v1/operators/me", token: "agent", status: 200,
			contains: []string{"agent@example.com"}}})
		code, _ := e.do("DELETE", "/api/v1/tokens/2", "agent", "", "")
		if code != http.StatusNoContent {
			t.Fatalf("revoke own token = %d", code)
		}
		e.run([]scenario{{name: "after", method: "GET", url: "/api/v1/operators/me", token: "agent", status: 401}})
	})
}
