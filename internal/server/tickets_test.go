package server_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestCreateTicketThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.create("/api/v1/tickets", goodTicket)
		for _, field := range []string{"id", "number", "subject", "description", "status", "priority", "team",
			"assignee", "contact", "channel", "tags", "public_url", "created_at", "updated_at"} {
			if _, ok := tk[field]; !ok {
				t.Errorf("ticket lacks %q: %v", field, tk)
			}
		}
		contact := tk["contact"].(map[string]any)
		status := tk["status"].(map[string]any)
		if contact["email"] != "mia.wong@example.com" || status["name"] != "New" || status["kind"] != "open" ||
			tk["channel"] != "api" || tk["priority"] != float64(2) {
			t.Errorf("ticket = %v", tk)
		}
		if !strings.HasPrefix(tk["public_url"].(string), "http://127.0.0.1:8080/t/") {
			t.Errorf("public_url = %v", tk["public_url"])
		}
		e.run([]scenario{
			{name: "by id", method: "GET", url: fmt.Sprintf("/api/v1/tickets/%v", tk["id"]), token: "agent", status: 200,
				contains: []string{`"Invoice 2291 charged twice"`}},
			{name: "thread", method: "GET", url: fmt.Sprintf("/api/v1/tickets/%v/messages", tk["id"]), token: "agent",
				status: 200, contains: []string{`"kind":"customer"`, "charged twice for invoice 2291"}},
			{name: "history", method: "GET", url: fmt.Sprintf("/api/v1/tickets/%v/events", tk["id"]), token: "agent",
				status: 200, contains: []string{`"kind":"created"`, `"actor":{"id":1`}},
			{name: "same customer, other case", method: "GET", url: "/api/v1/contacts?email=MIA.WONG@example.com",
				token: "agent", status: 200, contains: []string{`"first_name":"Mia"`}},
			{name: "not found", method: "GET", url: "/api/v1/tickets/424242", token: "agent", status: 404},
			{name: "bad id", method: "GET", url: "/api/v1/tickets/abc", token: "agent", status: 404},
			{name: "by number", method: "GET", url: fmt.Sprintf("/api/v1/tickets/%%23%v", tk["number"]), token: "agent",
				status: 200, contains: []string{`"Invoice 2291 charged twice"`, fmt.Sprintf(`"id":%v`, tk["id"])}},
			{name: "thread by number", method: "GET", url: fmt.Sprintf("/api/v1/tickets/%%23%v/messages", tk["number"]),
				token: "agent", status: 200, contains: []string{"charged twice for invoice 2291"}},
			{name: "unknown number", method: "GET", url: "/api/v1/tickets/%23999999", token: "agent", status: 404,
				contains: []string{"no ticket with that number"}},
			{name: "number not a number", method: "GET", url: "/api/v1/tickets/%23abc", token: "agent", status: 404},
		})
	})
}

func TestBadTicketInputGetsFieldErrorsAndWritesNothing(t *testing.T) {
	cases := []struct {
		name, body, ctype string
		status            int
		field             string
	}{
		{"invalid email", strings.Replace(goodTicket, "Mia.Wong@Example.com", "mia at example", 1), "", 422, `"contact.email"`},
		{"unknown team", strings.Replace(goodTicket, `"support"`, `"sales"`, 1), "", 422, `"team"`},
		{"priority 4", strings.Replace(goodTicket, `"priority":2`, `"priority":4`, 1), "", 422, `"priority"`},
		{"priority as text", strings.Replace(goodTicket, `"priority":2`, `"priority":"high"`, 1), "", 400, `"priority"`},
		{"empty subject", strings.Replace(goodTicket, "Invoice 2291 charged twice", " ", 1), "", 422, `"subject"`},
		{"long subject", strings.Replace(goodTicket, "Invoice 2291 charged twice", strings.Repeat("x", 251), 1), "", 422, `"subject"`},
		{"unknown assignee", strings.Replace(goodTicket, `"tags"`, `"assignee":"ghost@example.com","tags"`, 1), "", 422, `"assignee"`},
		{"malformed json", `{"subject": "x",`, "", 400, `"malformed_json"`},
		{"not an object", `[1,2]`, "", 400, `"malformed_json"`},
		{"wrong content type", goodTicket, "text/plain", 415, `"Content-Type"`},
		{"unknown field", strings.Replace(goodTicket, `"tags"`, `"colour":"red","tags"`, 1), "", 400, `"colour":"unknown field"`},
		{"two objects", goodTicket + goodTicket, "", 400, `"malformed_json"`},
		{"empty body", ` `, "", 400, `"malformed_json"`},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		for _, c := range cases {
			e.run([]scenario{{name: c.name, method: "POST", url: "/api/v1/tickets", token: "admin", body: c.body,
				ctype: c.ctype, status: c.status, contains: []string{c.field}}})
		}
		for _, table := range []string{"tickets", "contacts", "contact_emails", "messages", "ticket_events"} {
			var n int
			if err := d.Read.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil || n != 0 {
				t.Errorf("%s holds %d rows after refused creates (%v)", table, n, err)
			}
		}
	})
}

func TestListSearchAndUpdateThroughAPI(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		for i, p := range []int{0, 3, 1, 3, 2} {
			body := fmt.Sprintf(`{"subject":"Ticket %d about %s","team":"support","priority":%d,"contact":{"email":"c%d@example.com"}}`,
				i, []string{"refunds", "passwords", "shipping", "passwords", "invoices"}[i], p, i)
			e.create("/api/v1/tickets", body)
		}
		var page struct {
			Items []struct {
				ID       int64  `json:"id"`
				Priority int    `json:"priority"`
				Subject  string `json:"subject"`
			} `json:"items"`
			NextCursor string `json:"next_cursor"`
		}
		_, body := e.do("GET", "/api/v1/tickets?limit=2", "agent", "", "")
		if err := json.Unmarshal([]byte(body), &page); err != nil || len(page.Items) != 2 || page.NextCursor == "" {
			t.Fatalf("first page: %s", body)
		}
		if page.Items[0].Priority != 3 || page.Items[1].Priority != 3 || page.Items[0].Subject != "Ticket 3 about passwords" {
			t.Errorf("first page not highest priority then latest: %+v", page.Items)
		}
		e.run([]scenario{
			{name: "next page", method: "GET", url: "/api/v1/tickets?limit=2&cursor=" + page.NextCursor, token: "agent",
				status: 200, contains: []string{"Ticket 4 about invoices", "Ticket 2 about shipping"}, notContain: []string{"Ticket 3"}},
			{name: "search", method: "GET", url: "/api/v1/tickets?q=PASSWORDS", token: "agent", status: 200,
				contains: []string{"Ticket 1 about", "Ticket 3 about"}, notContain: []string{"refunds", "shipping"}},
			{name: "filter priority", method: "GET", url: "/api/v1/tickets?priority=0", token: "agent", status: 200,
				contains: []string{"Ticket 0"}, notContain: []string{"Ticket 1", "Ticket 2"}},
			{name: "bad kind", method: "GET", url: "/api/v1/tickets?kind=maybe", token: "agent", status: 422, contains: []string{`"kind"`}},
			{name: "bad limit", method: "GET", url: "/api/v1/tickets?limit=1000", token: "agent", status: 422, contains: []string{`"limit"`}},
			{name: "bad cursor", method: "GET", url: "/api/v1/tickets?cursor=xyz", token: "agent", status: 422, contains: []string{`"cursor"`}},
			{name: "close", method: "PATCH", url: "/api/v1/tickets/1", token: "agent",
				body: `{"status":"Closed","assignee":"agent@example.com","priority":1,"tags":["vip"]}`, status: 200,
				contains: []string{`"kind":"closed"`, `"closed_at":"`, `"agent@example.com"`, `"vip"`}},
			{name: "closed list", method: "GET", url: "/api/v1/tickets?kind=closed&assignee=me", token: "agent", status: 200,
				contains: []string{"Ticket 0"}, notContain: []string{"Ticket 1"}},
			{name: "unassign", method: "PATCH", url: "/api/v1/tickets/1", token: "agent", body: `{"assignee":null}`,
				status: 200, contains: []string{`"assignee":null`}},
			{name: "unknown status", method: "PATCH", url: "/api/v1/tickets/1", token: "agent", body: `{"status":"Parked"}`,
				status: 422, contains: []string{`"status"`, "Parked"}},
			{name: "reply", method: "POST", url: "/api/v1/tickets/1/messages", token: "agent",
				body: `{"kind":"reply","body":"We refunded you."}`, status: 201, contains: []string{`"kind":"reply"`}},
			{name: "note", method: "POST", url: "/api/v1/tickets/1/messages", token: "agent",
				body: `{"kind":"note","body":"Refund approved by Sam."}`, status: 201, contains: []string{`"kind":"note"`}},
			{name: "customer kind refused", method: "POST", url: "/api/v1/tickets/1/messages", token: "agent",
				body: `{"kind":"customer","body":"I am the customer"}`, status: 422, contains: []string{`"kind"`}},
			{name: "history", method: "GET", url: "/api/v1/tickets/1/events", token: "agent", status: 200,
				contains: []string{`"kind":"status"`, `"kind":"assignee"`, `"kind":"priority"`, `"kind":"tags"`}},
		})
	})
}
