package report_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// spreadWriter writes facts on its own tickets in turn: each ticket is
// answered, closed and reopened, one fact a transaction, as the ticket
// service records them.
type spreadWriter struct {
	k   *desk
	ids []int64
	i   int
	at  time.Time
}

var spreadKinds = []ticket.ReportKind{ticket.ReportAnswer, ticket.ReportClosed, ticket.ReportReopened}

func (w *spreadWriter) next() error {
	id := w.ids[w.i%len(w.ids)]
	f := ticket.ReportFact{Kind: spreadKinds[(w.i/len(w.ids))%3], At: w.at.Add(time.Duration(w.i) * time.Second),
		OperatorID: w.k.agent.ID}
	w.i++
	return w.k.s.DB.WithTx(w.k.ctx, func(tx *db.Tx) error { return w.k.s.Reports.Record(w.k.ctx, tx, id, f) })
}

// spreadWriters opens tickets tickets on a team with business hours and
// deals them out to writers writers.
func spreadWriters(k *desk, writers, tickets int) chan *spreadWriter {
	out := make(chan *spreadWriter, writers)
	ws := make([]*spreadWriter, writers)
	for i := range ws {
		ws[i] = &spreadWriter{k: k, at: at("2026-03-02 10:00")}
	}
	for i := range tickets {
		id := k.open("2026-03-02 09:00", report.Channels[i%len(report.Channels)], i%4,
			[]string{"", k.agent.Email}[i%2])
		ws[i%writers].ids = append(ws[i%writers].ids, id)
	}
	for _, w := range ws {
		out <- w
	}
	return out
}

// roller is the background roll-up of the queue, in builds that have it.
type roller interface {
	RunRoller(ctx context.Context, logf func(err error))
	CatchUp(ctx context.Context) error
}

// BenchmarkRecordKeepsUp has 8 writers record facts over 1,000 tickets
// for FRONTDESK_BENCH_SECONDS (10) seconds with the background roller
// on, and reports the facts written a second, the facts rolled a second
// and the queue's length at the end and at its longest (sampled each
// second): the roll-up keeps up when the queue does not grow. Run it
// once: -benchtime 1x. A build without the queue rolls inside each
// write, and its queue is always empty.
func BenchmarkRecordKeepsUp(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", testutil.NewSQLite}, {"postgres", testutil.NewPostgres}} {
		b.Run(engine.name, func(b *testing.B) {
			d := engine.open(b)
			k := newDesk(b, d)
			writers := spreadWriters(k, 8, 1000)
			ctx, stop := context.WithCancel(context.Background())
			var rolling sync.WaitGroup
			if r, ok := any(k.s.Reports).(roller); ok {
				rolling.Add(1)
				go func() { defer rolling.Done(); r.RunRoller(ctx, func(err error) { b.Error(err) }) }()
			}
			b.ResetTimer()
			written, longest, end := keepUp(b, d, writers, benchSeconds())
			b.StopTimer()
			stop()
			rolling.Wait()
			secs := float64(benchSeconds())
			b.ReportMetric(float64(written)/secs, "written/s")
			b.ReportMetric(float64(written-int64(end))/secs, "rolled/s")
			b.ReportMetric(float64(end), "queued-at-end")
			b.ReportMetric(float64(longest), "queued-longest")
		})
	}
}

// keepUp runs the writers for secs seconds and answers the facts they
// wrote and the queue's longest and last lengths.
func keepUp(b *testing.B, d *db.DB, writers chan *spreadWriter, secs int) (written int64, longest, end int) {
	deadline := time.Now().Add(time.Duration(secs) * time.Second)
	var wg sync.WaitGroup
	var n atomic.Int64
	for range cap(writers) {
		w := <-writers
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				if err := w.next(); err != nil {
					b.Error(err)
					return
				}
				n.Add(1)
			}
		}()
	}
	for time.Now().Before(deadline) {
		time.Sleep(time.Second)
		longest = max(longest, queueLength(b, d))
	}
	wg.Wait()
	return n.Load(), longest, queueLength(b, d)
}

// queueLength is report_queue's length; 0 in a build without it.
func queueLength(b *testing.B, d *db.DB) int {
	var n int
	if err := d.Read.QueryRow(`SELECT COUNT(*) FROM report_queue`).Scan(&n); err != nil {
		return 0
	}
	return n
}

func benchSeconds() int {
	if n, err := strconv.Atoi(os.Getenv("FRONTDESK_BENCH_SECONDS")); err == nil && n > 0 {
		return n
	}
	return 10
}

// BenchmarkCatchUpEmpty times the roll every report runs first, on an
// empty queue: what a report pays for including every committed fact.
func BenchmarkCatchUpEmpty(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", testutil.NewSQLite}, {"postgres", testutil.NewPostgres}} {
		b.Run(engine.name, func(b *testing.B) {
			k := newDesk(b, engine.open(b))
			r, ok := any(k.s.Reports).(roller)
			if !ok {
				b.Skip("no queue in this build")
			}
			k.open("2026-03-02 09:00", "email", 0, "")
			if err := r.CatchUp(k.ctx); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				if err := r.CatchUp(k.ctx); err != nil {
					b.Fatal(fmt.Errorf("catch up: %w", err))
				}
			}
		})
	}
}

// BenchmarkRollQueued times the roller alone: 8 writers queue 20,000
// facts over 1,000 tickets with no roller on, then one catch-up rolls
// them all, and it reports the facts rolled a second (the roller's
// capacity, where BenchmarkRecordKeepsUp shares the machine with the
// writers). Run it once: -benchtime 1x.
func BenchmarkRollQueued(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", testutil.NewSQLite}, {"postgres", testutil.NewPostgres}} {
		b.Run(engine.name, func(b *testing.B) {
			d := engine.open(b)
			k := newDesk(b, d)
			r, ok := any(k.s.Reports).(roller)
			if !ok {
				b.Skip("no queue in this build")
			}
			writers := spreadWriters(k, 8, 1000)
			var wg sync.WaitGroup
			for range cap(writers) {
				w := <-writers
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range 2500 {
						if err := w.next(); err != nil {
							b.Error(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			n := queueLength(b, d)
			b.ResetTimer()
			start := time.Now()
			if err := r.CatchUp(k.ctx); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n)/time.Since(start).Seconds(), "rolled/s")
			if left := queueLength(b, d); left != 0 {
				b.Fatalf("%d facts left in the queue", left)
			}
		})
	}
}
