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
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestTicketPriorityInPlace(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Printer on fire", 1, "")
		c := e.client("agent")
		token := e.csrf(c, "/inbox?view=open")
		path := fmt.Sprintf("/tickets/%d/priority", tk.Number)
		back := "/inbox?view=open&team=support"
		cases := []struct {
			name     string
			form     url.Values
			hdr      map[string]string
			status   int
			location string
			contains []string
			priority int
		}{
			{"no token", url.Values{"priority": {"3"}}, nil, http.StatusForbidden, "", []string{"expired"}, 1},
			{"bad value", url.Values{"_csrf": {token}, "priority": {"9"}}, nil, http.StatusUnprocessableEntity, "",
				[]string{"from 0 to 3"}, 1},
			{"plain form goes back to the view", url.Values{"_csrf": {token}, "priority": {"3"}, "back": {back}}, nil,
				http.StatusSeeOther, "/inbox?team=support&view=open#ticket-" + fmt.Sprint(tk.ID), nil, 3},
			{"a foreign back is refused", url.Values{"_csrf": {token}, "priority": {"2"}, "back": {"https://evil.example/inbox"}},
				nil, http.StatusSeeOther, "/inbox#ticket-" + fmt.Sprint(tk.ID), nil, 2},
			{"htmx gets the row", url.Values{"priority": {"0"}, "back": {back}}, map[string]string{"HX-Request": "true",
				"X-CSRF-Token": token}, http.StatusOK, "", []string{`id="ticket-` + fmt.Sprint(tk.ID), "Priority: </span>Low",
				"Set priority to 1 (medium)", "Printer on fire"}, 0},
		}
		for _, tc := range cases {
			res, body := e.do(c, http.MethodPost, path, tc.form, tc.hdr)
			if res.StatusCode != tc.status || res.Header.Get("Location") != tc.location {
				t.Fatalf("%s: %d %q %s", tc.name, res.StatusCode, res.Header.Get("Location"), body)
			}
			expect(t, tc.name, body, tc.contains, nil)
			if tc.hdr != nil && strings.Contains(body, "<html") {
				t.Errorf("%s: a whole page instead of the row", tc.name)
			}
			got, err := e.s.Tickets.Get(context.Background(), tk.ID)
			if err != nil || got.Priority != tc.priority {
				t.Errorf("%s: priority %d, want %d (%v)", tc.name, got.Priority, tc.priority, err)
			}
		}
	})
}

func TestTicketsBulk(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.salesTeam()
		a, b := e.open("First", 0, ""), e.open("Second", 1, "")
		lead := e.openWith(ticket.NewTicket{Subject: "A sale", Team: "sales"})
		ids := []string{fmt.Sprint(a.ID), fmt.Sprint(b.ID), fmt.Sprint(lead.ID)}
		c := e.client("agent")
		token := e.csrf(c, "/inbox?view=open")
		back := "/inbox?view=open&priority=2"
		cases := []struct {
			name       string
			form       url.Values
			status     int
			contains   []string
			notContain []string
		}{
			{"no token", url.Values{"ids": ids, "priority": {"2"}}, http.StatusForbidden, []string{"expired"}, nil},
			{"nothing selected", url.Values{"_csrf": {token}, "priority": {"2"}}, http.StatusUnprocessableEntity,
				[]string{"Select at least one ticket"}, nil},
			{"nothing to change", url.Values{"_csrf": {token}, "ids": ids}, http.StatusUnprocessableEntity,
				[]string{"Choose what to change"}, nil},
			{"status per pipeline, the misfit reported", url.Values{"_csrf": {token}, "ids": ids, "status": {"Waiting"},
				"back": {back}}, http.StatusSeeOther, []string{fmt.Sprintf("2 tickets updated, 1 skipped: #%d has no status &#39;Waiting&#39;.",
				lead.Number)}, nil},
			{"priority and assignee, back to the view", url.Values{"_csrf": {token}, "ids": ids, "priority": {"2"},
				"assignee": {fmt.Sprint(e.ids["admin"])}, "back": {back}}, http.StatusSeeOther,
				[]string{"3 tickets updated.", `name="priority" value="2"`, "A sale", "First", "Second"}, nil},
			{"unassign", url.Values{"_csrf": {token}, "ids": ids[:1], "assignee": {"none"}}, http.StatusSeeOther,
				[]string{"1 ticket updated."}, []string{"skipped"}},
		}
		for _, tc := range cases {
			res, body := e.do(c, http.MethodPost, "/tickets/bulk", tc.form, nil)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d %s", tc.name, res.StatusCode, body)
			}
			if res.StatusCode == http.StatusSeeOther { // the summary shows on the page it leads to, once
				_, body = e.do(c, http.MethodGet, res.Header.Get("Location"), nil, nil)
				_, again := e.do(c, http.MethodGet, res.Header.Get("Location"), nil, nil)
				expect(t, tc.name+", reloaded", again, nil, []string{"updated"})
			}
			expect(t, tc.name, body, tc.contains, tc.notContain)
		}
		for _, id := range []int64{a.ID, b.ID, lead.ID} {
			got, _ := e.s.Tickets.Get(context.Background(), id)
			wantStatus := "Waiting"
			if id == lead.ID {
				wantStatus = "Lead"
			}
			wantAssigned := id != a.ID
			if got.Priority != 2 || got.Status.Name != wantStatus || (got.Assignee != nil) != wantAssigned {
				t.Errorf("ticket %d: priority %d, status %s, assignee %v", id, got.Priority, got.Status.Name, got.Assignee)
			}
		}
	})
}
