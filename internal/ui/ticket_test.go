package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// post sends a form from the ticket page as the agent, with the page's
// CSRF token unless csrf is false.
func (e *env) post(path string, form url.Values, csrf bool) (*http.Response, string) {
	e.t.Helper()
	c := e.client("agent")
	if csrf {
		form.Set("_csrf", e.csrf(c, "/inbox"))
	}
	return e.do(c, http.MethodPost, path, form, nil)
}

func TestTicketPage(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tk := e.open("<script>alert(1)</script>", 2, "agent@example.com")
		other := e.open("Earlier question", 0, "")
		if _, err := e.s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Note,
			Body: "Check the <img src=x onerror=alert(2)> logs", OperatorID: e.ids["admin"]}); err != nil {
			t.Fatal(err)
		}
		page := fmt.Sprintf("/tickets/%d", tk.Number)
		cases := []struct {
			name, as, path       string
			status               int
			contains, notContain []string
		}{
			{"workspace", "agent", page, http.StatusOK, []string{
				"&lt;script&gt;alert(1)&lt;/script&gt;", "Hello.", "msg-note", "Internal note",
				"Check the &lt;img src=x onerror=alert(2)&gt; logs", "opened the ticket via",
				"Priority: high (2 of 3)", "The agent", "Ada Lovelace", "ada@example.com",
				fmt.Sprintf(`href="/tickets/%d"`, other.Number), "Earlier question", tk.PublicURL,
				"The customer will get this by mail", "Only your team sees this", ">In Progress</option>"},
				[]string{"<script>alert", "<img src=x"}},
			{"inbox links to it", "agent", "/inbox", http.StatusOK, []string{`href="` + page + `"`}, nil},
			{"unknown ticket", "agent", "/tickets/999999", http.StatusNotFound, []string{"ticket"}, nil},
			{"not a number", "agent", "/tickets/abc", http.StatusNotFound, nil, nil},
			{"needs a session", "", page, http.StatusSeeOther, nil, []string{"Hello."}},
		}
		for _, tc := range cases {
			res, body := e.do(e.client(tc.as), http.MethodGet, tc.path, nil, nil)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
			}
			expect(t, tc.name, body, tc.contains, tc.notContain)
		}
	})
}

func TestTicketMessages(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Printer on fire", 1, "")
		page := fmt.Sprintf("/tickets/%d", tk.Number)
		cases := []struct {
			name     string
			form     url.Values
			csrf     bool
			status   int
			contains []string
		}{
			{"reply", url.Values{"kind": {"reply"}, "body": {"Have you tried water?\nTwice."}}, true, http.StatusSeeOther, nil},
			{"note", url.Values{"kind": {"note"}, "body": {"<b>Customer</b> is upset"}}, true, http.StatusSeeOther, nil},
			{"a missing kind is a note", url.Values{"body": {"Quietly noted"}}, true, http.StatusSeeOther, nil},
			{"empty body", url.Values{"kind": {"note"}, "body": {"  "}}, true, http.StatusUnprocessableEntity,
				[]string{"The message is empty", `aria-invalid="true"`, `value="note" checked`}},
			{"no csrf", url.Values{"kind": {"reply"}, "body": {"Sneaky"}}, false, http.StatusForbidden, nil},
		}
		for _, tc := range cases {
			res, body := e.post(page+"/messages", tc.form, tc.csrf)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
			}
			expect(t, tc.name, body, tc.contains, nil)
		}
		_, body := e.do(e.client("agent"), http.MethodGet, page, nil, nil)
		expectOrder(t, "thread", body, []string{"Hello.", "msg-reply", "Have you tried water?\nTwice.",
			"msg-note", "Internal note", "&lt;b&gt;Customer&lt;/b&gt; is upset", "msg-note", "Quietly noted"})
		expect(t, "thread", body, nil, []string{"Sneaky", "<b>Customer"})
		public, err := e.s.Tickets.Messages(context.Background(), tk.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(public) != 2 || public[1].Kind != ticket.Reply || public[1].Author.Name != "The agent" {
			t.Errorf("public thread: %+v", public)
		}
	})
}

func TestTicketUpdate(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		if _, err := e.s.Pipelines.Create(ctx, "Sales", []pipeline.StatusInput{{Name: "Lead", Kind: pipeline.Open},
			{Name: "Won", Kind: pipeline.Closed}}); err != nil {
			t.Fatal(err)
		}
		tk := e.open("Refund please", 0, "")
		page := fmt.Sprintf("/tickets/%d", tk.Number)
		agent := fmt.Sprint(e.ids["agent"])
		cases := []struct {
			name     string
			path     string
			form     url.Values
			csrf     bool
			status   int
			contains []string
		}{
			{"no csrf", page, url.Values{"status": {"Closed"}}, false, http.StatusForbidden, nil},
			{"status of another pipeline", page, url.Values{"status": {"Lead"}}, true, http.StatusUnprocessableEntity,
				[]string{`id="status-error"`, "belongs to pipeline &#34;Sales&#34;"}},
			{"bad priority", page, url.Values{"priority": {"7"}}, true, http.StatusUnprocessableEntity,
				[]string{"The priority must be 0, 1, 2 or 3."}},
			{"unknown ticket", "/tickets/999999", url.Values{"status": {"Closed"}}, true, http.StatusNotFound, nil},
			{"everything", page, url.Values{"priority": {"3"}, "assignee": {agent}, "tags": {"Billing, vip ,"},
				"team": {fmt.Sprint(tk.Team.ID)}, "status": {fmt.Sprint(tk.Status.ID)}}, true, http.StatusSeeOther, nil},
			{"close", page, url.Values{"status": {"Closed"}}, true, http.StatusSeeOther, nil},
		}
		for _, tc := range cases {
			res, body := e.post(tc.path, tc.form, tc.csrf)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
			}
			expect(t, tc.name, body, tc.contains, nil)
		}
		got, err := e.s.Tickets.Get(ctx, tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.IsOpen() || got.Priority != 3 || got.Assignee == nil || got.Assignee.Name != "The agent" ||
			fmt.Sprint(got.Tags) != "[billing vip]" {
			t.Errorf("after the form: %+v", got)
		}
		_, body := e.do(e.client("agent"), http.MethodGet, page, nil, nil)
		expectOrder(t, "history", body, []string{"changed the priority from low to urgent",
			"assigned the ticket to The agent", "set the tags to billing, vip", "changed the status from New to Closed"})
	})
}

func TestTicketRotateLink(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Leaked link", 0, "")
		path := fmt.Sprintf("/tickets/%d/link", tk.Number)
		if res, _ := e.post(path, url.Values{}, false); res.StatusCode != http.StatusForbidden {
			t.Fatalf("no csrf: %d", res.StatusCode)
		}
		res, body := e.post(path, url.Values{}, true)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("rotate: %d %s", res.StatusCode, body)
		}
		_, body = e.do(e.client("agent"), http.MethodGet, res.Header.Get("Location"), nil, nil)
		got, err := e.s.Tickets.Get(context.Background(), tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.PublicURL == tk.PublicURL {
			t.Fatal("the link did not change")
		}
		expect(t, "after rotating", body, []string{got.PublicURL, "A new public link was made",
			"made a new public link"}, []string{tk.PublicURL})
	})
}
