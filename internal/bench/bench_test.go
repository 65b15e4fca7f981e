package bench

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The benchmark itself must keep working on both engines: a small seed,
// every measurement, and the creation run leaving the database as it was.
func TestBenchRunsOnBothEngines(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := testutil.Services(t, d)
		g, err := Seed(ctx, s, 600, 3, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := d.Read.QueryRow(`SELECT count(*) FROM messages`).Scan(&n); err != nil || n != 1800 {
			t.Fatalf("seeded %d messages (%v), want 1800", n, err)
		}
		if _, err := InboxPage(ctx, s, g, 20); err != nil {
			t.Error(err)
		}
		if _, err := Search(ctx, s, g, 30); err != nil {
			t.Error(err)
		}
		if _, err := ContactByEmail(ctx, s, g, 20); err != nil {
			t.Error(err)
		}
		slaRes, err := SLA(ctx, s, g, 10)
		if err != nil || len(slaRes) != 4 || slaRes[0].N == 0 || slaRes[1].N != slaRes[0].N {
			t.Fatalf("sla: %+v %v", slaRes, err)
		}
		pages, err := RenderPages(ctx, s, g, 5)
		if err != nil || len(pages) != 7 {
			t.Fatalf("render: %d pages, %v", len(pages), err)
		}
		res, err := CreateThroughput(ctx, s, g, 2, 300*time.Millisecond)
		if err != nil || res.N == 0 {
			t.Fatalf("create: %v, %d tickets", err, res.N)
		}
		if err := d.Read.QueryRow(`SELECT count(*) FROM tickets`).Scan(&n); err != nil || n != 600 {
			t.Errorf("%d tickets after the creation run (%v), want the 600 seeded", n, err)
		}
		rules, err := CreateRulesOverhead(ctx, s, g, 2, 1, 300*time.Millisecond)
		if err != nil || len(rules) != 2 || rules[0].N == 0 || rules[1].N == 0 {
			t.Fatalf("create-rules: %+v %v", rules, err)
		}
		timed, err := TimeRules(ctx, s, 20)
		if err != nil || timed.N != 20 || timed.P50 <= 0 {
			t.Fatalf("time-rules: %+v %v", timed, err)
		}
		if err := d.Read.QueryRow(`SELECT count(*) FROM rules WHERE name LIKE 'bench rule%'`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%d bench rules left after the rule steps (%v)", n, err)
		}
	})
}
