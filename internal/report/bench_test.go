package report_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// BenchmarkTickets90Days answers a 90-day ticket report over a synthetic
// year of roll-ups shaped like a million tickets: 10 teams, 6 channels,
// 4 priorities and 50 operators, with about 2,700 tickets a day spread
// over the keys they would hit. See docs/reports.md for the command.
func BenchmarkTickets90Days(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", testutil.NewSQLite}, {"postgres", testutil.NewPostgres}} {
		b.Run(engine.name, func(b *testing.B) {
			d := engine.open(b)
			ctx := context.Background()
			if err := synthesize(ctx, d, 365); err != nil {
				b.Fatal(err)
			}
			s := &report.Service{DB: d}
			f, err := s.Check(ctx, report.Asker{Admin: true}, report.Query{From: "2026-09-01", To: "2026-11-29"})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				if _, err := s.Tickets(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// synthesize writes days of roll-up rows ending 2026-11-30: per day, a
// row for each key a day's 2,700 tickets touch (at most one per ticket),
// and their first response and resolution buckets.
func synthesize(ctx context.Context, d *db.DB, days int) error {
	rnd := rand.New(rand.NewPCG(1, 2))
	channels := []string{"email", "web_form", "widget", "chat", "manual", "api"}
	end := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for i := range days {
		day := end.AddDate(0, 0, -i).Format(time.DateOnly)
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			for range 2700 {
				k := []any{day, rnd.Int64N(10) + 1, channels[rnd.IntN(6)], rnd.IntN(4), rnd.Int64N(50) + 1}
				if _, err := tx.ExecContext(ctx, `INSERT INTO report_days (day, team_id, channel, priority,
					operator_id, created, closed, open_delta, first_responses, sla_met, sla_due)
					VALUES ($1, $2, $3, $4, $5, 1, 1, 0, 1, 1, 1) ON CONFLICT (day, team_id, channel, priority, operator_id)
					DO UPDATE SET created = report_days.created + 1, closed = report_days.closed + 1`, k...); err != nil {
					return err
				}
				for _, m := range []string{"frt_business", "res_business"} {
					s := rnd.Int64N(200000)
					if _, err := tx.ExecContext(ctx, `INSERT INTO report_durations (day, team_id, channel, priority,
						operator_id, metric, bucket, n, total_s) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8)
						ON CONFLICT (day, team_id, channel, priority, operator_id, metric, bucket)
						DO UPDATE SET n = report_durations.n + 1, total_s = report_durations.total_s + excluded.total_s`,
						append(k, m, bucket(s), s)...); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("day %s: %w", day, err)
		}
	}
	return nil
}

func bucket(s int64) int { return report.BucketOf(s) }

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
