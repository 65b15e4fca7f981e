package report_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// TestRebuildGivesTheSameFigures replays the fixed history from the
// tickets' histories and expects every figure the live record gave.
func TestRebuildGivesTheSameFigures(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		history(k)
		queries := []report.Query{
			{From: "2026-03-27", To: "2026-03-31", Team: "support"},
			{From: "2026-03-27", To: "2026-03-31", Team: "support", Time: "wall"},
			{From: "2026-03-27", To: "2026-03-31", Team: "sales"},
			{From: "2026-03-27", To: "2026-03-31", Operator: "ada@example.com"},
		}
		var live []string
		for _, q := range queries {
			live = append(live, brief(k.tickets(admin, q)))
		}
		f, _ := k.s.Reports.Check(k.ctx, admin, queries[0])
		ops, _ := k.s.Reports.Operators(k.ctx, f)
		n, err := k.s.Reports.Rebuild(k.ctx, nil)
		if err != nil || n != 5 {
			t.Fatalf("rebuild: %d tickets, %v; want 5", n, err)
		}
		for i, q := range queries {
			if got := brief(k.tickets(admin, q)); got != live[i] {
				t.Errorf("%+v after rebuild\n got %s\nwant %s", q, got, live[i])
			}
		}
		if again, _ := k.s.Reports.Operators(k.ctx, f); brief(again) != brief(ops) {
			t.Errorf("operators after rebuild\n got %s\nwant %s", brief(again), brief(ops))
		}
	})
}
