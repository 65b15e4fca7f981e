package report_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// BenchmarkReports90Days answers each report over 90-day windows of a
// synthetic year of roll-ups shaped like a million tickets a year: 10
// teams, 6 channels, 4 priorities, 50 operators, 2,740 tickets and 500
// chats a day (report.Synthesize). Each sub-benchmark reports its 95th
// percentile beside the mean. See docs/benchmarks.md for the command.
func BenchmarkReports90Days(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", testutil.NewSQLite}, {"postgres", testutil.NewPostgres}} {
		b.Run(engine.name, func(b *testing.B) {
			d := engine.open(b)
			ctx := context.Background()
			testutil.Services(b, d) // the Support team (id 1), which the team filter names
			s := &report.Service{DB: d}
			start := time.Now()
			facts, err := s.Synthesize(ctx, synthetic)
			if err != nil {
				b.Fatal(err)
			}
			if err := addOperators(ctx, d, synthetic); err != nil {
				b.Fatal(err)
			}
			if d.Dialect == db.Postgres { // as autovacuum would have by now
				if _, err := d.Write.ExecContext(ctx, `ANALYZE`); err != nil {
					b.Fatal(err)
				}
			}
			b.Logf("%d synthetic days, %d facts, written in %s", synthetic.Days, facts, time.Since(start).Round(time.Second))
			if os.Getenv("FRONTDESK_BENCH_EXPLAIN") != "" {
				explainPoints(b, s, synthetic.FirstOperator)
			}
			for _, c := range reportCases(synthetic.FirstOperator) {
				b.Run(c.name, func(b *testing.B) { timeReport(b, s, c) })
			}
		})
	}
}

// synthetic is a year, or FRONTDESK_BENCH_DAYS days (at least 91) when a
// loaded machine cannot write a year in time: a 90-day report reads the
// same rows either way, from smaller tables. FRONTDESK_BENCH_SHAPE=m1
// gives it the density of the benchmark database (frontdesk bench).
var synthetic = report.Synthetic{Days: benchDays(), PerDay: 2740, Teams: 10, Operators: 50, ChatsPerDay: 500,
	FirstOperator: 1001, End: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}

func init() {
	if os.Getenv("FRONTDESK_BENCH_SHAPE") == "m1" {
		// The benchmark database's own shape: a million tickets over three
		// years, four teams, 20 operators.
		synthetic.PerDay, synthetic.Teams, synthetic.Operators, synthetic.ChatsPerDay = 913, 4, 20, 170
	}
}

func benchDays() int {
	if n, err := strconv.Atoi(os.Getenv("FRONTDESK_BENCH_DAYS")); err == nil && n > 90 {
		return n
	}
	return 365
}

// addOperators names the synthetic operators (the operators table names
// them in the reports).
func addOperators(ctx context.Context, d *db.DB, syn report.Synthetic) error {
	return d.WithTx(ctx, func(tx *db.Tx) error {
		for i := range int64(syn.Operators) {
			id := syn.FirstOperator + i
			if _, err := tx.ExecContext(ctx, `INSERT INTO operators (id, email, name, role, created_at, updated_at)
				VALUES ($1, $2, $3, 'agent', $4, $4)`, id, fmt.Sprintf("op%d@example.com", id), fmt.Sprintf("Operator %d", id),
				db.Now()); err != nil {
				return err
			}
		}
		return nil
	})
}

type reportCase struct {
	name string
	q    report.Query
	read func(ctx context.Context, s *report.Service, f report.Filter) error
}

func reportCases(operator int64) []reportCase {
	tickets := func(ctx context.Context, s *report.Service, f report.Filter) error {
		_, err := s.Tickets(ctx, f)
		return err
	}
	return []reportCase{
		{"tickets", report.Query{}, tickets},
		{"tickets_team", report.Query{Team: "support"}, tickets},
		{"tickets_channel", report.Query{Channel: "email"}, tickets},
		{"tickets_priority", report.Query{Priority: "0"}, tickets},
		{"tickets_operator", report.Query{Operator: fmt.Sprint(operator)}, tickets},
		// Two filters of the three: their pair slice; all three: the full
		// key's points.
		{"tickets_channel_priority", report.Query{Channel: "email", Priority: "0"}, tickets},
		{"tickets_channel_operator", report.Query{Channel: "email", Operator: fmt.Sprint(operator)}, tickets},
		{"tickets_priority_operator", report.Query{Priority: "0", Operator: fmt.Sprint(operator)}, tickets},
		{"tickets_channel_priority_operator", report.Query{Channel: "email", Priority: "0",
			Operator: fmt.Sprint(operator)}, tickets},
		{"operators", report.Query{}, func(ctx context.Context, s *report.Service, f report.Filter) error {
			_, err := s.Operators(ctx, f)
			return err
		}},
		{"breakdowns", report.Query{}, func(ctx context.Context, s *report.Service, f report.Filter) error {
			_, err := s.Breakdowns(ctx, f)
			return err
		}},
		{"chats", report.Query{}, func(ctx context.Context, s *report.Service, f report.Filter) error {
			_, err := s.Chats(ctx, f)
			return err
		}},
		{"chat_operators", report.Query{}, func(ctx context.Context, s *report.Service, f report.Filter) error {
			_, err := s.ChatOperators(ctx, f)
			return err
		}},
	}
}

// timeReport reads c over 90-day windows ending on the last day and each
// of the 59 days before it in turn (as many as there are), and reports
// the 95th percentile.
func timeReport(b *testing.B, s *report.Service, c reportCase) {
	ctx := context.Background()
	took := make([]time.Duration, 0, b.N)
	cpu := cpuTime()
	for i := range b.N {
		to := synthetic.End.AddDate(0, 0, -(i % min(60, synthetic.Days-89)))
		q := c.q
		q.From, q.To = to.AddDate(0, 0, -89).Format(time.DateOnly), to.Format(time.DateOnly)
		start := time.Now()
		f, err := s.Check(ctx, report.Asker{Admin: true}, q)
		if err == nil {
			err = c.read(ctx, s, f)
		}
		if err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	slices.Sort(took)
	b.ReportMetric(float64(took[min(len(took)-1, len(took)*95/100)].Microseconds())/1000, "p95-ms")
}

// cpuTime is the process's CPU time so far: on a machine shared with
// other work, what a report cost this process (SQLite's share in full,
// not a PostgreSQL server's), whatever the wait for a core.
func cpuTime() time.Duration {
	var u syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// BenchmarkRecord times the record's share of a ticket change: one fact
// (a public answer, then a close and a reopening in turn) written in its
// own transaction, as the ticket service does, on a team with business
// hours. See docs/reports.md for the command.
func BenchmarkRecord(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", testutil.NewSQLite}, {"postgres", testutil.NewPostgres}} {
		b.Run(engine.name, func(b *testing.B) {
			k := newDesk(b, engine.open(b))
			id := k.open("2026-03-02 09:00", "email", 0, k.agent.Email)
			kinds := []ticket.ReportKind{ticket.ReportAnswer, ticket.ReportClosed, ticket.ReportReopened}
			at := at("2026-03-02 10:00")
			b.ResetTimer()
			for i := range b.N {
				f := ticket.ReportFact{Kind: kinds[i%3], At: at.Add(time.Duration(i) * time.Second), OperatorID: k.agent.ID}
				if err := k.s.DB.WithTx(k.ctx, func(tx *db.Tx) error { return k.s.Reports.Record(k.ctx, tx, id, f) }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRecordParallel is BenchmarkRecord from 8 writers at once,
// the facts spread over 1,000 tickets (each writer its own 125, in turn)
// as a busy team's changes arrive: what it measures is the rows the
// facts share (the day's roll-ups), not one ticket's lock. SQLite commits
// writers together, PostgreSQL takes them side by side.
func BenchmarkRecordParallel(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", testutil.NewSQLite}, {"postgres", testutil.NewPostgres}} {
		b.Run(engine.name, func(b *testing.B) {
			k := newDesk(b, engine.open(b))
			writers := spreadWriters(k, 8, 1000)
			b.SetParallelism(8 / max(1, runtime.GOMAXPROCS(0)))
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				w := <-writers
				for pb.Next() {
					if err := w.next(); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// explainPoints logs the plans of the reads of a report filtered by all
// three of channel, priority and operator (FRONTDESK_BENCH_EXPLAIN=1).
func explainPoints(b *testing.B, s *report.Service, operator int64) {
	plans, err := s.PointPlans(context.Background(), 1, "email", 0, operator)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("plans of the points:\n%s", plans)
}

// BenchmarkPairFill times the background fill of the pair slices
// (slices_fill.go) over the synthetic days, after marking them unfilled as
// migration 0073 finds an install with history (the single slices
// complete, so its figures stay those of the pairs alone): each day's transaction
// (on PostgreSQL the time slice writers wait for its lock), p50 and p95.
func BenchmarkPairFill(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", testutil.NewSQLite}, {"postgres", testutil.NewPostgres}} {
		b.Run(engine.name, func(b *testing.B) {
			d := engine.open(b)
			ctx := context.Background()
			testutil.Services(b, d)
			s := &report.Service{DB: d}
			if _, err := s.Synthesize(ctx, synthetic); err != nil {
				b.Fatal(err)
			}
			var took []time.Duration
			b.ResetTimer()
			for range b.N {
				if _, err := d.Write.ExecContext(ctx, `UPDATE report_marks SET day = '9999-12-31' WHERE name = 'pairs_from'`); err != nil {
					b.Fatal(err)
				}
				if err := s.FillSlices(ctx, func(_ string, t time.Duration) { took = append(took, t) }); err != nil {
					b.Fatal(err)
				}
			}
			slices.Sort(took)
			b.ReportMetric(float64(len(took))/float64(b.N), "days/op")
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms/day")
			b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms/day")
		})
	}
}
