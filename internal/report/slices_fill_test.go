package report_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/migrations"
)

const (
	pairDims   = `('channel_priority', 'channel_operator', 'priority_operator')`
	singleDims = `('', 'channel', 'priority', 'operator')`
)

// TestPairSlicesFilledAfterTheMigration upgrades an install with history
// to 0073 (no pair slices, the mark saying none yet) and expects the
// reports filtered by two of channel, priority and operator to be right
// at once (from the full key), and after the fill to read the pairs it
// wrote, row for row what the record writes, with the same figures.
func TestPairSlicesFilledAfterTheMigration(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		randomHistory(k, 200)
		catchUp(t, k)
		live := pairRows(t, k)
		if len(live) == 0 {
			t.Fatal("the record wrote no pair slices")
		}
		upgradeTo0073(t, k)
		if mark := pairsMark(t, k); mark != "9999-12-31" {
			t.Fatalf("an install with history has its pairs from %q, want none yet", mark)
		}
		sameAsFullKey(t, k, "before the fill", pairFilters(k))

		var days []string
		if err := k.s.Reports.FillSlices(k.ctx, func(day string, _ time.Duration) { days = append(days, day) }); err != nil {
			t.Fatal(err)
		}
		newest, oldest := historyDays(t, k)
		if len(days) == 0 || days[0] != newest || days[len(days)-1] != oldest {
			t.Errorf("filled %v, want from %s down to %s", days, newest, oldest)
		}
		if !slices.IsSortedFunc(days, func(a, b string) int { return strings.Compare(b, a) }) ||
			len(slices.Compact(slices.Clone(days))) != len(days) {
			t.Errorf("filled %v, want each day once, newest first", days)
		}
		if mark := pairsMark(t, k); mark != "" {
			t.Errorf("after the fill the pairs are complete from %q, want every day", mark)
		}
		if got := pairRows(t, k); !maps.Equal(got, live) {
			t.Errorf("the fill wrote %d pair rows unlike the record's %d:\n%s", len(got), len(live), diffRows(got, live))
		}
		sameAsFullKey(t, k, "filled", pairFilters(k))

		// The reports now read the pairs: without them they go wrong.
		if _, err := d.Write.ExecContext(k.ctx, `DELETE FROM report_slices WHERE dim IN `+pairDims); err != nil {
			t.Fatal(err)
		}
		f, err := k.s.Reports.Check(k.ctx, admin, report.Query{From: "2026-03-02", To: "2026-03-25",
			Channel: "email", Priority: "2"})
		if err != nil {
			t.Fatal(err)
		}
		want, err := k.s.Reports.TicketsByFullKey(k.ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if got := k.tickets(admin, report.Query{From: "2026-03-02", To: "2026-03-25", Channel: "email",
			Priority: "2"}); brief(got) == brief(want) || want.Totals.Created == 0 {
			t.Error("with the pairs complete, a report of two filters did not read them")
		}
	})
}

// TestFreshInstallHasItsPairsComplete: no history, nothing to fill; the
// record writes the pairs from the first fact.
func TestFreshInstallHasItsPairsComplete(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		upgradeTo0073(t, k)
		if mark := pairsMark(t, k); mark != "" {
			t.Fatalf("a fresh install has its pairs from %q, want every day", mark)
		}
		if done, err := k.s.Reports.SlicesComplete(k.ctx); err != nil || !done {
			t.Fatalf("pairs complete: %v, %v", done, err)
		}
		filled := 0
		if err := k.s.Reports.FillSlices(k.ctx, func(string, time.Duration) { filled++ }); err != nil || filled != 0 {
			t.Fatalf("a fresh install's fill did %d days (%v), want none", filled, err)
		}
		randomHistory(k, 60)
		sameAsFullKey(t, k, "fresh", pairFilters(k))
	})
}

// TestPairFillWithWritersAtOnce fills the pairs while four writers record
// facts on the days being filled (on PostgreSQL at once, on SQLite in
// turn), each rolling its facts from the queue as it goes: afterwards
// the pairs hold every fact once, as a fill from
// scratch computes them, and the reports agree with the full key.
func TestPairFillWithWritersAtOnce(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		randomHistory(k, 120)
		upgradeTo0073(t, k)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				writeFacts(t, k, uint64(w), stop)
			}()
		}
		filled := 0
		err := k.s.Reports.FillSlices(k.ctx, func(string, time.Duration) { filled++ })
		close(stop)
		wg.Wait()
		if err != nil {
			t.Fatal(err)
		}
		catchUp(t, k)
		if filled == 0 {
			t.Fatal("the fill did no day")
		}
		together := pairRows(t, k)
		upgradeTo0073(t, k)
		if err := k.s.Reports.FillSlices(k.ctx, nil); err != nil {
			t.Fatal(err)
		}
		if alone := pairRows(t, k); !maps.Equal(together, alone) {
			t.Errorf("filled beside writers, the pairs differ from a fill alone:\n%s", diffRows(together, alone))
		}
		sameAsFullKey(t, k, "filled beside writers", pairFilters(k))
	})
}

// writeFacts creates, answers, moves and closes tickets on the history's
// days until stop, at least a dozen.
func writeFacts(t *testing.T, k *desk, seed uint64, stop chan struct{}) {
	rnd := rand.New(rand.NewPCG(seed, 12))
	start := at("2026-03-02 00:00")
	for n := 0; ; n++ {
		select {
		case <-stop:
			if n >= 12 {
				return
			}
		default:
		}
		created := start.Add(time.Duration(rnd.IntN(21*24*60)) * time.Minute)
		tk, err := k.s.Tickets.Create(k.ctx, ticket.NewTicket{Subject: "At once", Description: "Help",
			Team: []string{"support", "sales"}[rnd.IntN(2)], Priority: rnd.IntN(4),
			Channel: ticket.Channel(report.Channels[rnd.IntN(len(report.Channels))]), Assignee: k.agent.Email,
			CreatedAt: created, Contact: contact.Identity{Email: fmt.Sprintf("w%d@example.com", seed)}})
		if err != nil {
			t.Error(err)
			return
		}
		later := created.Add(time.Duration(1+rnd.IntN(600)) * time.Minute)
		if _, err := k.s.Tickets.AddMessage(k.ctx, tk.ID, ticket.NewMessage{Kind: ticket.Reply, Body: "On it",
			CreatedAt: later, OperatorID: k.agent.ID}); err != nil {
			t.Error(err)
			return
		}
		p := ticket.Patch{At: later.Add(time.Hour), Team: testutil.Ptr("support")}
		if rnd.IntN(2) == 0 {
			p = ticket.Patch{At: later.Add(time.Hour), Status: testutil.Ptr("Closed")}
		}
		if _, err := k.s.Tickets.Update(k.ctx, tk.ID, p); err != nil {
			t.Error(err)
			return
		}
		if err := k.s.Reports.CatchUp(k.ctx); err != nil { // the roll-ups of the queue, beside the fill
			t.Error(err)
			return
		}
	}
}

// catchUp rolls the record's queue into the roll-ups.
func catchUp(t *testing.T, k *desk) {
	t.Helper()
	if err := k.s.Reports.CatchUp(k.ctx); err != nil {
		t.Fatal(err)
	}
}

// upgradeTo0073 makes the record as 0073 finds it on an upgrade from a
// build with the single slices filled: no pair slices, and the mark 0073
// sets (and no 'slices_from', as the old 0071 left it).
func upgradeTo0073(t *testing.T, k *desk) {
	t.Helper()
	upgrade(t, k, "0073_report_pair_slices.sql")
}

// upgrade deletes the slices the migrations named made and sets the
// marks they set, with their own statements.
func upgrade(t *testing.T, k *desk, names ...string) {
	t.Helper()
	catchUp(t, k)
	dims := map[string]string{"0073_report_pair_slices.sql": pairDims}
	files := map[db.Dialect]fs.FS{db.SQLite: migrations.SQLite, db.Postgres: migrations.Postgres}
	queries := []string{`DELETE FROM report_marks`}
	for _, name := range names {
		up, err := fs.ReadFile(files[k.s.DB.Dialect], string(k.s.DB.Dialect)+"/"+name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(up)
		mark := text[strings.Index(text, "INSERT INTO report_marks"):]
		queries = append(queries, `DELETE FROM report_slices WHERE dim IN `+dims[name], mark[:strings.Index(mark, ";")])
	}
	err := k.s.DB.WithTx(k.ctx, func(tx *db.Tx) error {
		for _, q := range queries {
			if _, err := tx.ExecContext(k.ctx, q); err != nil {
				return fmt.Errorf("%s: %w", q, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func pairsMark(t *testing.T, k *desk) string {
	t.Helper()
	return markOf(t, k, "pairs_from")
}

func markOf(t *testing.T, k *desk, name string) string {
	t.Helper()
	var day string
	if err := k.s.DB.Read.QueryRowContext(k.ctx, `SELECT day FROM report_marks WHERE name = $1`, name).
		Scan(&day); err != nil {
		t.Fatal(err)
	}
	return day
}

func historyDays(t *testing.T, k *desk) (newest, oldest string) {
	t.Helper()
	if err := k.s.DB.Read.QueryRowContext(k.ctx, `SELECT MAX(day), MIN(day) FROM report_days`).
		Scan(&newest, &oldest); err != nil {
		t.Fatal(err)
	}
	return newest, oldest
}

// pairFilters are allFilters' filters by two of channel, priority and
// operator.
func pairFilters(k *desk) []report.Query {
	var out []report.Query
	for _, q := range allFilters(k) {
		if countSet(q) == 2 {
			out = append(out, q)
		}
	}
	return out
}

// pairRows are the pair slice rows by key (sliceRows).
func pairRows(t *testing.T, k *desk) map[string]string {
	t.Helper()
	return sliceRows(t, k, pairDims)
}

// sliceRows are the slice rows of dims by key, their counts and
// histograms as text (histograms parsed, so bucket order does not
// matter); a row of zeros without histograms is left out, as it counts
// nothing.
func sliceRows(t *testing.T, k *desk, dims string) map[string]string {
	t.Helper()
	rows, err := k.s.DB.Read.QueryContext(k.ctx, `SELECT team_id, dim, val, day, created, closed, reopened,
		assigned, answers, open_delta, sla_met, sla_due, frt_wall, frt_business, res_wall, res_business
		FROM report_slices WHERE dim IN `+dims)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var team int64
		var dim, val, day string
		var c [8]int64
		var h [4]*string
		if err := rows.Scan(&team, &dim, &val, &day, &c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6], &c[7],
			&h[0], &h[1], &h[2], &h[3]); err != nil {
			t.Fatal(err)
		}
		hists := make([]map[string][2]int64, 4)
		empty := true
		for i, s := range h {
			if s != nil {
				if err := json.Unmarshal([]byte(*s), &hists[i]); err != nil {
					t.Fatal(err)
				}
				empty = empty && len(hists[i]) == 0
			}
		}
		if c == ([8]int64{}) && empty {
			continue
		}
		out[fmt.Sprintf("%d %s %s %s", team, dim, val, day)] = fmt.Sprint(c, hists)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// diffRows lists up to ten keys whose rows differ.
func diffRows(got, want map[string]string) string {
	var out []string
	for key := range got {
		if got[key] != want[key] {
			out = append(out, fmt.Sprintf("%s: %s, want %s", key, got[key], want[key]))
		}
	}
	for key := range want {
		if _, ok := got[key]; !ok {
			out = append(out, fmt.Sprintf("%s: missing, want %s", key, want[key]))
		}
	}
	slices.Sort(out)
	return strings.Join(out[:min(len(out), 10)], "\n")
}

// TestRebuildAndPairFillAtOnce runs a rebuild while the pairs are being
// filled: the rebuild marks them complete (the fill stops) and neither
// spoils the other's rows.
func TestRebuildAndPairFillAtOnce(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		randomHistory(k, 150)
		upgradeTo0073(t, k)
		fill := make(chan error, 1)
		go func() { fill <- k.s.Reports.FillSlices(k.ctx, nil) }()
		if _, err := k.s.Reports.Rebuild(k.ctx, nil); err != nil {
			t.Fatal(err)
		}
		if err := <-fill; err != nil {
			t.Fatal(err)
		}
		if mark := pairsMark(t, k); mark != "" {
			t.Errorf("after a rebuild the pairs are complete from %q, want every day", mark)
		}
		rebuilt := pairRows(t, k)
		upgradeTo0073(t, k)
		if err := k.s.Reports.FillSlices(k.ctx, nil); err != nil {
			t.Fatal(err)
		}
		if filled := pairRows(t, k); !maps.Equal(rebuilt, filled) {
			t.Errorf("the pairs after a rebuild beside a fill differ from a fill of the rebuilt record:\n%s",
				diffRows(rebuilt, filled))
		}
		sameAsFullKey(t, k, "rebuilt beside a fill", pairFilters(k))
	})
}
