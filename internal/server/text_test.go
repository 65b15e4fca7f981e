package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// Every text field of the API refuses NUL and the other control characters
// with a field error, on both engines (PostgreSQL used to fail with a 500
// on NUL, SQLite stored it), and nothing is written. Long texts keep tab
// and line breaks.
func TestAPIRefusesControlCharacters(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.create("/api/v1/tickets", goodTicket)
		ticketURL := fmt.Sprintf("/api/v1/tickets/%v", tk["id"])
		ct := e.create("/api/v1/contacts", `{"email":"rita@example.com","first_name":"Rita"}`)
		contactURL := fmt.Sprintf("/api/v1/contacts/%v", ct["id"])
		agentURL := fmt.Sprintf("/api/v1/operators/%d", e.ids["agent"])
		fields := []struct {
			method, url, body, field string
		}{
			{"POST", "/api/v1/tickets", `{"subject":%s,"team":"support","contact":{"email":"a@example.com"}}`, "subject"},
			{"POST", "/api/v1/tickets", `{"subject":"Hi","description":%s,"team":"support","contact":{"email":"a@example.com"}}`, "description"},
			{"POST", "/api/v1/tickets", `{"subject":"Hi","team":"support","tags":[%s],"contact":{"email":"a@example.com"}}`, "tags[0]"},
			{"POST", "/api/v1/tickets", `{"subject":"Hi","team":"support","contact":{"email":"a@example.com","first_name":%s}}`, "contact.first_name"},
			{"POST", "/api/v1/tickets", `{"subject":"Hi","team":"support","contact":{"email":"a@example.com","last_name":%s}}`, "contact.last_name"},
			{"POST", "/api/v1/tickets", `{"subject":"Hi","team":"support","contact":{"external_id":%s}}`, "contact.external_id"},
			{"PATCH", ticketURL, `{"subject":%s}`, "subject"},
			{"PATCH", ticketURL, `{"tags":[%s]}`, "tags[0]"},
			{"POST", ticketURL + "/messages", `{"kind":"note","body":%s}`, "body"},
			{"POST", "/api/v1/contacts", `{"email":"b@example.com","first_name":%s}`, "first_name"},
			{"POST", "/api/v1/contacts", `{"email":"b@example.com","notes":%s}`, "notes"},
			{"PATCH", contactURL, `{"last_name":%s}`, "last_name"},
			{"PATCH", contactURL, `{"notes":%s}`, "notes"},
			{"PATCH", contactURL, `{"company":%s}`, "company"},
			{"PATCH", contactURL, `{"external_id":%s}`, "external_id"},
			{"POST", "/api/v1/teams", `{"name":%s}`, "name"},
			{"POST", "/api/v1/pipelines", `{"name":%s,"statuses":[{"name":"New","kind":"open"},{"name":"Done","kind":"closed"}]}`, "name"},
			{"POST", "/api/v1/pipelines", `{"name":"Sales","statuses":[{"name":%s,"kind":"open"},{"name":"Done","kind":"closed"}]}`, "statuses[0].name"},
			{"POST", "/api/v1/operators", `{"email":"c@example.com","name":%s}`, "name"},
			{"PATCH", agentURL, `{"name":%s}`, "name"},
			{"POST", agentURL + "/tokens", `{"name":%s}`, "name"},
		}
		long := map[string]bool{"description": true, "body": true, "notes": true}
		for _, f := range fields {
			bad := []string{"nul\x00here", "esc\x1b[31m", "del\x7f", "c1\u0085next", "bell\a"}
			if !long[f.field] {
				bad = append(bad, "two\nlines", "a\ttab")
			}
			for _, b := range bad {
				v, _ := json.Marshal(b)
				code, body := e.do(f.method, f.url, "admin", fmt.Sprintf(f.body, v), "")
				want := fmt.Sprintf(`%q:"contains a control character"`, f.field)
				if code != http.StatusUnprocessableEntity || !strings.Contains(body, want) {
					t.Errorf("%s %s %s=%q: %d %s, want 422 with %s", f.method, f.url, f.field, b, code, body, want)
				}
			}
		}
		e.run([]scenario{
			{name: "search with NUL", method: "GET", url: "/api/v1/tickets?q=" + url.QueryEscape("a\x00b"), token: "agent",
				status: 422, contains: []string{`"q":"contains a control character"`}},
			{name: "contact search with NUL", method: "GET", url: "/api/v1/contacts?q=" + url.QueryEscape("a\x00b"),
				token: "agent", status: 422, contains: []string{`"q":"contains a control character"`}},
			{name: "nothing was written", method: "GET", url: "/api/v1/tickets", token: "agent", status: 200,
				notContain: []string{`\u0000`, `\u001b`, "a@example.com"}},
			{name: "tab and line breaks in a long text", method: "POST", url: ticketURL + "/messages", token: "agent",
				body: `{"kind":"note","body":"Line one\r\n\tindented"}`, status: 201, contains: []string{`Line one\r\n\tindented`}},
		})
	})
}
