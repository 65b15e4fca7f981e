package report_test

import (
	"context"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/migrations"
)

// TestSingleSlicesFilledAfterTheMigration upgrades an install with
// history through 0071 to 0073, running their statements over the tables
// as 0070 left them (no single or pair slices, both marks saying none
// yet), and expects every report a slice answers (no filter,
// one or two of channel, priority and operator), the operators' table
// and the channels breakdown to be right at once (from the full key),
// halfway through the fill, and after it, which writes the slices row
// for row as the record does.
func TestSingleSlicesFilledAfterTheMigration(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		randomHistory(k, 200)
		catchUp(t, k)
		live, livePairs, liveTables := sliceRows(t, k, singleDims), pairRows(t, k), tables(t, k)
		if len(live) == 0 {
			t.Fatal("the record wrote no single slices")
		}
		migrateFrom0070(t, k)
		if n := len(sliceRows(t, k, singleDims)) + len(pairRows(t, k)); n != 0 {
			t.Fatalf("the migrations wrote %d single and pair slice rows, want none", n)
		}
		for _, name := range []string{"slices_from", "pairs_from"} {
			if mark := markOf(t, k, name); mark != "9999-12-31" {
				t.Fatalf("an install with history has %s %q, want none yet", name, mark)
			}
		}
		check := func(when string) {
			t.Helper()
			sameAsFullKey(t, k, when, allFilters(k))
			if got := tables(t, k); got != liveTables {
				t.Errorf("%s: the operators and channels read\n%s\nwant as the record wrote them\n%s", when, got, liveTables)
			}
		}
		check("before the fill")

		// Stopped between the two periods' first days: the period from
		// 2026-03-10 reads the slices, the one from 2026-03-02 the full key.
		ctx, stop := context.WithCancel(k.ctx)
		defer stop()
		var days []string
		err := k.s.Reports.FillSlices(ctx, func(day string, _ time.Duration) {
			if days = append(days, day); day < "2026-03-10" {
				stop()
			}
		})
		last := days[len(days)-1]
		if err != context.Canceled || last <= "2026-03-02" {
			t.Fatalf("a fill stopped at %s: %v", last, err)
		}
		if mark := markOf(t, k, "slices_from"); mark != last || markOf(t, k, "pairs_from") != mark {
			t.Fatalf("stopped after %s the marks are at %s and %s", last, mark, markOf(t, k, "pairs_from"))
		}
		check("halfway")

		if err := k.s.Reports.FillSlices(k.ctx, func(day string, _ time.Duration) { days = append(days, day) }); err != nil {
			t.Fatal(err)
		}
		newest, oldest := historyDays(t, k)
		if days[0] != newest || days[len(days)-1] != oldest || len(slices.Compact(slices.Clone(days))) != len(days) {
			t.Errorf("filled %v, want each day once from %s down to %s", days, newest, oldest)
		}
		if done, err := k.s.Reports.SlicesComplete(k.ctx); err != nil || !done {
			t.Errorf("after the fill the slices are complete: %v (%v)", done, err)
		}
		if got := sliceRows(t, k, singleDims); !maps.Equal(got, live) {
			t.Errorf("the fill wrote %d single slice rows unlike the record's %d:\n%s", len(got), len(live), diffRows(got, live))
		}
		if got := pairRows(t, k); !maps.Equal(got, livePairs) {
			t.Errorf("the fill wrote %d pair rows unlike the record's %d:\n%s", len(got), len(livePairs),
				diffRows(got, livePairs))
		}
		check("filled")
		if !readsSlices(t, k) {
			t.Error("with the slices complete, a report of one filter did not read them")
		}
	})
}

// migrateFrom0070 puts back the tables 0071 to 0073 change as 0070 left
// them (the sums 0072 drops hold no rows: the chat slices are not under
// test here) and runs the three migrations' statements over them.
func migrateFrom0070(t *testing.T, k *desk) {
	t.Helper()
	catchUp(t, k)
	for _, q := range []string{`DROP TABLE report_slices`, `DROP TABLE report_marks`,
		`CREATE TABLE report_sum_days (team_id BIGINT NOT NULL)`,
		`CREATE TABLE report_sum_durations (team_id BIGINT NOT NULL, day TEXT NOT NULL, metric TEXT NOT NULL,
			bucket INTEGER NOT NULL, n BIGINT NOT NULL, total_s BIGINT NOT NULL)`} {
		if _, err := k.s.DB.Write.ExecContext(k.ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	files := map[db.Dialect]fs.FS{db.SQLite: migrations.SQLite, db.Postgres: migrations.Postgres}
	for _, name := range []string{"0071_report_slices.sql", "0072_report_slices_tags_chats.sql",
		"0073_report_pair_slices.sql"} {
		raw, err := fs.ReadFile(files[k.s.DB.Dialect], string(k.s.DB.Dialect)+"/"+name)
		if err != nil {
			t.Fatal(err)
		}
		up, _, _ := strings.Cut(strings.TrimPrefix(string(raw), "-- +goose Up"), "-- +goose Down")
		if _, err := k.s.DB.Write.ExecContext(k.ctx, up); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

// TestMissingSliceMarkIsComplete: an install that ran 0071 when it still
// summed the history has no 'slices_from'; its single slices are complete,
// so there is nothing to fill and the reports read them.
func TestMissingSliceMarkIsComplete(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		randomHistory(k, 80)
		catchUp(t, k)
		if _, err := d.Write.ExecContext(k.ctx, `DELETE FROM report_marks WHERE name = 'slices_from'`); err != nil {
			t.Fatal(err)
		}
		if done, err := k.s.Reports.SlicesComplete(k.ctx); err != nil || !done {
			t.Fatalf("without a slices_from mark the slices are complete: %v (%v)", done, err)
		}
		filled := 0
		if err := k.s.Reports.FillSlices(k.ctx, func(string, time.Duration) { filled++ }); err != nil || filled != 0 {
			t.Fatalf("the fill did %d days (%v), want none", filled, err)
		}
		if !readsSlices(t, k) {
			t.Error("without a slices_from mark, a report of one filter did not read the slices")
		}
	})
}

// readsSlices deletes the channel slices and says whether the report by
// channel then goes wrong: whether it reads them.
func readsSlices(t *testing.T, k *desk) bool {
	t.Helper()
	if _, err := k.s.DB.Write.ExecContext(k.ctx, `DELETE FROM report_slices WHERE dim = 'channel'`); err != nil {
		t.Fatal(err)
	}
	q := report.Query{From: "2026-03-02", To: "2026-03-25", Channel: "email"}
	f, err := k.s.Reports.Check(k.ctx, admin, q)
	if err != nil {
		t.Fatal(err)
	}
	want, err := k.s.Reports.TicketsByFullKey(k.ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if want.Totals.Created == 0 {
		t.Fatal("no email tickets in the history")
	}
	return brief(k.tickets(admin, q)) != brief(want)
}

// tables are the operators' table and the channels breakdown over two
// periods, by no filter, a team and an operator, in both times, as text.
func tables(t *testing.T, k *desk) string {
	t.Helper()
	out := ""
	for _, p := range []report.Query{{From: "2026-03-02", To: "2026-03-25"}, {From: "2026-03-10", To: "2026-03-16"}} {
		for _, q := range []report.Query{{}, {Team: "sales"}, {Operator: k.agent.Email}, {Channel: "email"}} {
			for _, tm := range []string{"business", "wall"} {
				q.From, q.To, q.Time = p.From, p.To, tm
				f, err := k.s.Reports.Check(k.ctx, admin, q)
				if err != nil {
					t.Fatal(err)
				}
				ops, err := k.s.Reports.Operators(k.ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				b, err := k.s.Reports.Breakdowns(k.ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				out += brief(q) + " " + brief(ops) + " " + brief(b.Channels) + "\n"
			}
		}
	}
	return out
}
