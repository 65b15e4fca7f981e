package report_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// The breakdowns of the fixed history, plus T6 (Tue 31 15:00, email,
// tagged billing and vip, closed 16:00):
//
//	SLA (first response within 1 business hour): T2 met, T1 missed, both
//	answered by Ada under the Support policy: 1 of 2 everywhere.
//	Channels: email T1 T3 T6 (closed T1 T6), api T4 T5, web form T2
//	(closed twice). Tags: billing and vip, 1 created and 1 closed each.
//	Heat map (Berlin hours): Fri 16, Sun 0, Mon 0, 9 and 14, Tue 15.
func TestBreakdowns(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		history(k)
		tk, err := k.s.Tickets.Create(k.ctx, ticket.NewTicket{Subject: "Invoice", Description: "Twice", Team: "support",
			Channel: ticket.Email, Tags: []string{"billing", "vip"}, CreatedAt: at("2026-03-31 15:00"),
			Contact: contact.Identity{Email: "bo@example.com"}})
		if err != nil {
			t.Fatal(err)
		}
		k.patch(tk.ID, "2026-03-31 16:00", ticket.Patch{Status: testutil.Ptr("Closed")})
		f, _ := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-27", To: "2026-03-31"})
		b, err := k.s.Reports.Breakdowns(k.ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		half := `"met":1,"due":2,"missed":1,"met_pct":50}`
		want := `{"targets":[{"id":1,"name":"First response",` + half + `],"policies":[{"id":` + brief(policyID(k)) +
			`,"name":"Support",` + half + `],"teams":[{"id":` + brief(k.support.ID) + `,"name":"Support",` + half +
			`],"operators":[{"id":` + brief(k.agent.ID) + `,"name":"Ada",` + half + `]}`
		if got := brief(b.SLA); got != want {
			t.Errorf("SLA\n got %s\nwant %s", got, want)
		}
		if got := brief(b.Channels); got != `[{"name":"email","created":3,"closed":2},{"name":"api","created":2,"closed":0},{"name":"web_form","created":1,"closed":2}]` {
			t.Errorf("channels %s", got)
		}
		if got := brief(b.Tags); got != `[{"name":"billing","created":1,"closed":1},{"name":"vip","created":1,"closed":1}]` {
			t.Errorf("tags %s", got)
		}
		want7 := map[[2]int]int{{4, 16}: 1, {6, 0}: 1, {0, 0}: 1, {0, 9}: 1, {0, 14}: 1, {1, 15}: 1}
		for wd := range 7 {
			for h := range 24 {
				if b.HeatMap[wd][h] != want7[[2]int{wd, h}] {
					t.Errorf("heat map weekday %d hour %d: %d, want %d", wd, h, b.HeatMap[wd][h], want7[[2]int{wd, h}])
				}
			}
		}
		// Sales has none of it; the tag filter follows the team.
		fs, _ := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-27", To: "2026-03-31", Team: "sales"})
		if b, _ := k.s.Reports.Breakdowns(k.ctx, fs); len(b.Tags) != 0 || len(b.SLA.Targets) != 0 {
			t.Errorf("Sales: %s", brief(b))
		}
	})
}

func policyID(k *desk) int64 {
	var id int64
	if err := k.s.DB.Read.QueryRowContext(k.ctx, `SELECT id FROM sla_policies WHERE name = 'Support'`).Scan(&id); err != nil {
		k.t.Fatal(err)
	}
	return id
}
