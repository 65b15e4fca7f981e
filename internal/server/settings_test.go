package server_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestPipelineRulesThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.create("/api/v1/tickets", goodTicket)
		e.run([]scenario{
			{name: "default pipeline", method: "GET", url: "/api/v1/pipelines/1", token: "agent", status: 200,
				contains: []string{`"Support"`, `"New"`, `"In Progress"`, `"Waiting"`, `"Closed","kind":"closed"`}},
			{name: "no closed status", method: "POST", url: "/api/v1/pipelines", token: "admin",
				body: `{"name":"Sales","statuses":[{"name":"Lead","kind":"open"}]}`, status: 422,
				contains: []string{`"statuses":"a pipeline needs at least one open and one closed status"`}},
			{name: "create", method: "POST", url: "/api/v1/pipelines", token: "admin",
				body:   `{"name":"Sales","statuses":[{"name":"Lead","kind":"open"},{"name":"Won","kind":"closed"}]}`,
				status: 201, contains: []string{`"Lead"`, `"Won"`}},
			{name: "delete with tickets", method: "DELETE", url: "/api/v1/pipelines/1", token: "admin", status: 409,
				contains: []string{"holds 1 tickets"}},
			{name: "remove a status holding tickets", method: "PATCH", url: "/api/v1/pipelines/1", token: "admin",
				body:   `{"statuses":[{"id":2,"name":"In Progress","kind":"open"},{"id":4,"name":"Closed","kind":"closed"}]}`,
				status: 409, contains: []string{`status \"New\" holds 1 tickets`}},
			{name: "remove with reassign", method: "PATCH", url: "/api/v1/pipelines/1", token: "admin",
				body:   `{"statuses":[{"id":2,"name":"Doing","kind":"open"},{"id":4,"name":"Done","kind":"closed"}],"reassign":{"1":"Doing"}}`,
				status: 200, contains: []string{`"Doing"`, `"Done"`}, notContain: []string{`"New"`}},
			{name: "ticket moved", method: "GET", url: "/api/v1/tickets/1", token: "agent", status: 200,
				contains: []string{`"status":{"id":2,"name":"Doing","kind":"open"}`}},
			{name: "status from another pipeline", method: "PATCH", url: "/api/v1/tickets/1", token: "agent",
				body: `{"status":"Won"}`, status: 422, contains: []string{`belongs to pipeline \"Sales\"`}},
			{name: "delete unused", method: "DELETE", url: "/api/v1/pipelines/2", token: "admin", status: 204},
		})
	})
}

func TestTeamsAndContactsThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.create("/api/v1/tickets", goodTicket)
		e.run([]scenario{
			{name: "create team", method: "POST", url: "/api/v1/teams", token: "admin",
				body: `{"name":"Billing Team","member_ids":[2]}`, status: 201,
				contains: []string{`"slug":"billing-team"`, `"email_alias":"billing-team@localhost"`, `"member_ids":[2]`}},
			{name: "switch one channel", method: "PATCH", url: "/api/v1/teams/2", token: "admin",
				body: `{"channels":{"chat":true}}`, status: 200,
				contains: []string{`"channels":{"email":true,"web_form":true,"widget":true,"chat":true}`}},
			{name: "duplicate slug", method: "POST", url: "/api/v1/teams", token: "admin",
				body: `{"name":"Billing Team"}`, status: 422, contains: []string{`"slug"`, `"email_alias"`}},
			{name: "unknown member", method: "PATCH", url: "/api/v1/teams/2", token: "admin",
				body: `{"member_ids":[999]}`, status: 422, contains: []string{`"member_ids[0]"`}},
			{name: "create contact", method: "POST", url: "/api/v1/contacts", token: "agent",
				body: `{"email":"mia@wong.example","first_name":"Mia","external_id":"u-77","company":"Wong Ltd"}`, status: 201,
				contains: []string{`"external_id":"u-77"`, `"company":{"id":1,"name":"Wong Ltd"}`}},
			{name: "taken email", method: "POST", url: "/api/v1/contacts", token: "agent",
				body: `{"email":"MIA.WONG@example.com"}`, status: 422, contains: []string{`"email"`}},
			{name: "merge needs into", method: "POST", url: "/api/v1/contacts/1/merge", token: "agent", body: `{}`,
				status: 422, contains: []string{`"into"`}},
			{name: "merge", method: "POST", url: "/api/v1/contacts/1/merge", token: "agent", body: `{"into":2}`,
				status: 200, contains: []string{`"mia@wong.example"`, `"mia.wong@example.com"`}},
			{name: "tickets moved", method: "GET", url: "/api/v1/contacts/2/tickets", token: "agent", status: 200,
				contains: []string{"Invoice 2291"}},
			{name: "search contacts", method: "GET", url: "/api/v1/contacts?q=mia", token: "agent", status: 200,
				contains: []string{`"items":[{"id":2,`}, notContain: []string{`"merged_into"`}},
			{name: "edit contact", method: "PATCH", url: "/api/v1/contacts/2", token: "agent",
				body: `{"phone":"+44 20 7946 0958","notes":"Prefers phone"}`, status: 200, contains: []string{`"+44 20 7946 0958"`}},
			{name: "bad phone", method: "PATCH", url: "/api/v1/contacts/2", token: "agent", body: `{"phone":"call me"}`,
				status: 422, contains: []string{`"phone"`}},
		})
	})
}
