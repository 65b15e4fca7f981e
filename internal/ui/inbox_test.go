package ui_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// open creates a ticket from a customer, assigned to assignee ("" for none).
func (e *env) open(subject string, priority int, assignee string) ticket.Ticket {
	e.t.Helper()
	tk, err := e.s.Tickets.Create(context.Background(), ticket.NewTicket{Subject: subject, Description: "Hello.",
		Team: "support", Priority: priority, Assignee: assignee,
		Contact: contact.Identity{Email: "ada@example.com", FirstName: "Ada", LastName: "Lovelace"}})
	if err != nil {
		e.t.Fatal(err)
	}
	return tk
}

func TestInboxViews(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.open("Low thing", 0, "")
		e.open("Printer on fire", 2, "")
		e.open("<script>alert(1)</script>", 1, "")
		e.open("Urgent refund", 3, "agent@example.com")
		solved := e.open("Solved one", 3, "agent@example.com")
		if _, err := e.s.Tickets.Update(context.Background(), solved.ID, ticket.Patch{Status: testutil.Ptr("Closed")}); err != nil {
			t.Fatal(err)
		}
		escaped := "&lt;script&gt;alert(1)&lt;/script&gt;"
		cases := []struct {
			name, as, path string
			ordered        []string // must appear, in this order
			notContain     []string
		}{
			{"mine by default", "agent", "/inbox", []string{"Priority: </span>Urgent", "Urgent refund", "Ada Lovelace",
				"Support", "The agent"}, []string{"Printer on fire", "Solved one", "Low thing"}},
			{"unassigned", "agent", "/inbox?view=unassigned", []string{"Printer on fire", escaped, "Low thing"},
				[]string{"Urgent refund", "Solved one", "<script>alert"}},
			{"all open by priority", "agent", "/inbox?view=open", []string{"Urgent refund",
				"Priority: </span>High", "Printer on fire", escaped, "Priority: </span>Low", "Low thing"}, []string{"Solved one"}},
			{"closed", "agent", "/inbox?view=closed", []string{"Solved one", "Closed"}, []string{"Urgent refund"}},
			{"an unknown view is mine", "agent", "/inbox?view=bogus", []string{"Urgent refund"}, []string{"Low thing"}},
			{"status menus in pipeline order, the filter's choice kept", "agent", "/inbox?view=open&status=waiting",
				[]string{`<option value="New">New</option>`, `<option value="Waiting" selected>Waiting</option>`,
					`<option value="Closed">Closed</option>`}, []string{`name="status" placeholder`}},
			{"empty state", "admin", "/inbox?view=mine", []string{"Nothing open is assigned to you"}, []string{"Urgent refund"}},
		}
		for _, tc := range cases {
			res, body := e.do(e.client(tc.as), http.MethodGet, tc.path, nil, nil)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d %s", tc.name, res.StatusCode, body)
			}
			expectOrder(t, tc.name, body, tc.ordered)
			expect(t, tc.name, body, nil, tc.notContain)
			if !strings.Contains(res.Header.Get("Content-Security-Policy"), "default-src 'self'") {
				t.Errorf("%s: no CSP", tc.name)
			}
		}
	})
}

var loadMore = regexp.MustCompile(`hx-get="([^"]+)"`)

func TestInboxLoadMore(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		for i := range 27 { // a page of 25 and two more
			e.open(fmt.Sprintf("Question %02d", i), 0, "")
		}
		c := e.client("agent")
		_, page := e.do(c, http.MethodGet, "/inbox?view=open", nil, nil)
		m := loadMore.FindStringSubmatch(page)
		if m == nil || strings.Contains(page, "Question 01") {
			t.Fatalf("first page: no Load more, or too many rows: %s", page)
		}
		res, rows := e.do(c, http.MethodGet, html.UnescapeString(m[1]), nil, map[string]string{"HX-Request": "true"})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("next page: %d %s", res.StatusCode, rows)
		}
		expectOrder(t, "rows alone", rows, []string{"Question 01", "Question 00"})
		expect(t, "rows alone", rows, nil, []string{"<html", "Load more", "Question 02"})
	})
}

// expectOrder checks that each string appears, after the one before it.
func expectOrder(t *testing.T, name, body string, ordered []string) {
	t.Helper()
	at := 0
	for _, want := range ordered {
		i := strings.Index(body[at:], want)
		if i < 0 {
			t.Errorf("%s: %q missing or out of order:\n%s", name, want, body)
			return
		}
		at += i + len(want)
	}
}

// The views carry their open counts, each active filter is a chip whose
// link drops only that filter, and the Closed view lists the latest
// closed first.
func TestInboxCountsChipsAndClosedOrder(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.open("Mine one", 1, "agent@example.com")
		e.open("Nobody's", 0, "")
		first := e.open("Closed first", 3, "")
		last := e.open("Closed last", 0, "")
		for _, tk := range []ticket.Ticket{first, last} {
			if _, err := e.s.Tickets.Update(context.Background(), tk.ID, ticket.Patch{Status: testutil.Ptr("Closed")}); err != nil {
				t.Fatal(err)
			}
		}
		body := e.getAs("agent", "/inbox?view=open&priority=1&tag=vip", http.StatusOK)
		expectOrder(t, "counts", body, []string{`My open <span class="tab-count"><span class="sr">(</span>1<`,
			`Unassigned <span class="tab-count"><span class="sr">(</span>1<`, `All open <span class="tab-count"><span class="sr">(</span>2<`})
		expect(t, "chips", body, []string{`href="/inbox?tag=vip&amp;view=open"`, "Priority: Medium",
			`href="/inbox?priority=1&amp;view=open"`, "Tag: vip", "Clear all"}, []string{`Closed <span class="tab-count"`})
		expectOrder(t, "closed view", e.getAs("agent", "/inbox?view=closed", http.StatusOK),
			[]string{"sorted by Latest closed", "Closed last", "Closed first"})
	})
}
