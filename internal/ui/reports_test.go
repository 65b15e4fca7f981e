package ui_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestReportsPage(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		open := func(subject, when string) int64 {
			at, _ := time.Parse("2006-01-02 15:04", when)
			tk, err := e.s.Tickets.Create(ctx, ticket.NewTicket{Subject: subject, Description: "Help", Team: "support",
				Channel: ticket.Email, CreatedAt: at, Contact: contact.Identity{Email: "ana@example.com"}})
			if err != nil {
				t.Fatal(err)
			}
			return tk.ID
		}
		first := open("Kettle <b>broken</b>", "2026-03-02 09:00")
		open("Toaster smokes", "2026-03-02 23:30")
		open("Fridge hums", "2026-03-03 08:00")
		if _, err := e.s.Tickets.Update(ctx, first, ticket.Patch{Status: testutil.Ptr("Closed"),
			At: time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		admin := e.client("admin")
		period := "from=2026-03-02&to=2026-03-03"

		if res, _ := e.do(e.client(""), "GET", "/reports", nil, nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("a visitor gets %d, want a redirect to sign in", res.StatusCode)
		}
		res, page := e.do(admin, "GET", "/reports?"+period, nil, nil)
		for _, want := range []string{`id="chart-volume"`, `<title>Mon 2 Mar, Created: 2</title>`,
			`<title>Tue 3 Mar, Closed: 1</title>`, `href="/inbox?created=2026-03-02..2026-03-02&amp;view=open"`,
			`href="/reports.csv?from=2026-03-02&amp;to=2026-03-03"`, `0 % of closes`, `aria-current="page">Reports</a>`, `id="chart-heat"`, `<title>Mon 09:00–09:59: 1 new</title>`,
			`href="/inbox?channel=email&amp;created=2026-03-02..2026-03-03&amp;view=open"`, `No SLA target was settled in this period`} {
			if res.StatusCode != http.StatusOK || !strings.Contains(page, want) {
				t.Errorf("reports page (%d) lacks %s", res.StatusCode, want)
			}
		}
		_, list := e.do(admin, "GET", "/inbox?created=2026-03-02..2026-03-02&view=open", nil, nil)
		if !strings.Contains(list, "Kettle &lt;b&gt;broken&lt;/b&gt;") || !strings.Contains(list, "Toaster smokes") ||
			strings.Contains(list, "Fridge hums") || !strings.Contains(list, "Created on Mon 2 Mar") {
			t.Errorf("the created count of 2 March opens another list:\n%s", list)
		}
		_, csv := e.do(admin, "GET", "/reports.csv?"+period, nil, nil)
		if !strings.Contains(csv, "2026-03-02,2,0,0,2,") || !strings.Contains(csv, "\n2026-03-03,1,1,0,2,") {
			t.Errorf("CSV:\n%s", csv)
		}
		res, bad := e.do(admin, "GET", "/reports?from=2026-03-03&to=2026-03-02", nil, nil)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad, "To: must not be before from") {
			t.Errorf("a period that ends before it starts: %d", res.StatusCode)
		}
		res, theirs := e.do(e.client("agent"), "GET", "/reports?team=support&"+period, nil, nil)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(theirs, "Team: no such team among yours") {
			t.Errorf("an agent naming a team they are not in: %d", res.StatusCode)
		}
	})
}
