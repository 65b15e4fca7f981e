package report_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/migrations"
)

// TestSlicesGiveTheFullKeysFigures writes a random history and expects
// every report a slice answers (no filter, a team, a channel, a priority,
// an operator, each pair of them, all three; business and wall time; a
// period with a backlog carried in) to be the same read from the slices
// (or, for all three, the full key's points) as from the full-key
// roll-ups' ranges, as the record writes them and after a rebuild.
func TestSlicesGiveTheFullKeysFigures(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		randomHistory(k, 300)
		check := func(when string) { sameAsFullKey(t, k, when, allFilters(k)) }
		check("live")
		if _, err := k.s.Reports.Rebuild(k.ctx, nil); err != nil {
			t.Fatal(err)
		}
		check("rebuilt")
	})
}

// TestPairSlicesMigrationBackfillsThem deletes the pair slices the record
// wrote and expects migration 0073's backfill (from the full key) to give
// the reports filtered by two of channel, priority and operator their
// figures again.
func TestPairSlicesMigrationBackfillsThem(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		randomHistory(k, 200)
		if err := k.s.Reports.CatchUp(k.ctx); err != nil { // the record's queue into the slices
			t.Fatal(err)
		}
		files := map[db.Dialect]fs.FS{db.SQLite: migrations.SQLite, db.Postgres: migrations.Postgres}
		up, err := fs.ReadFile(files[d.Dialect], string(d.Dialect)+"/0073_report_pair_slices.sql")
		if err != nil {
			t.Fatal(err)
		}
		err = d.WithTx(k.ctx, func(tx *db.Tx) error {
			pairs := `DELETE FROM report_slices WHERE dim IN ('channel_priority', 'channel_operator', 'priority_operator')`
			if res, err := tx.ExecContext(k.ctx, pairs); err != nil {
				return err
			} else if n, _ := res.RowsAffected(); n == 0 {
				t.Error("the record wrote no pair slices")
			}
			_, err := tx.ExecContext(k.ctx, strings.Split(string(up), "-- +goose Down")[0])
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var pairs []report.Query
		for _, q := range allFilters(k) {
			if n := countSet(q); n == 2 {
				pairs = append(pairs, q)
			}
		}
		sameAsFullKey(t, k, "backfilled", pairs)
	})
}

func countSet(q report.Query) int {
	n := 0
	for _, v := range []string{q.Channel, q.Priority, q.Operator} {
		if v != "" {
			n++
		}
	}
	return n
}

// allFilters are the filters the slices' tests read.
func allFilters(k *desk) []report.Query {
	return []report.Query{{}, {Team: "sales"}, {Channel: "email"}, {Channel: "chat"},
		{Priority: "2"}, {Priority: "0"}, {Operator: k.agent.Email}, {Team: "support", Priority: "3"},
		{Team: "sales", Channel: "web_form"}, {Team: "support", Operator: k.agent.Email},
		{Channel: "email", Priority: "2"}, {Team: "sales", Channel: "chat", Priority: "0"},
		{Channel: "email", Operator: k.agent.Email}, {Team: "support", Channel: "web_form", Operator: k.agent.Email},
		{Priority: "1", Operator: k.agent.Email}, {Team: "sales", Priority: "3", Operator: k.agent.Email},
		{Channel: "email", Priority: "2", Operator: k.agent.Email},
		{Team: "support", Channel: "chat", Priority: "1", Operator: k.agent.Email}}
}

// sameAsFullKey expects each of filters, over two periods in business
// and wall time, to read the same from its slice as from the full key.
func sameAsFullKey(t *testing.T, k *desk, when string, filters []report.Query) {
	t.Helper()
	for _, p := range []report.Query{{From: "2026-03-02", To: "2026-03-25"}, {From: "2026-03-10", To: "2026-03-16"}} {
		for _, q := range filters {
			for _, tm := range []string{"business", "wall"} {
				q.From, q.To, q.Time = p.From, p.To, tm
				f, err := k.s.Reports.Check(k.ctx, admin, q)
				if err != nil {
					t.Fatal(err)
				}
				want, err := k.s.Reports.TicketsByFullKey(k.ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				got := k.tickets(admin, q)
				if brief(got) != brief(want) {
					t.Errorf("%s, %+v: the slices say\n%s\nthe full key says\n%s", when, q, brief(got), brief(want))
				}
			}
		}
	}
}
