package mailbox_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// BenchmarkImportToTickets syncs the 10,000-message mailbox into the real
// intake, with the processing worker running as `frontdesk serve` runs
// it, and stops the clock when every mail is filed on a ticket: the time
// a team waits after adding a full mailbox.
func BenchmarkImportToTickets(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				ms := startMem(b, false)
				fillMem(b, ms, benchMessages)
				d := benchEngines[engine](b)
				f := newFixture(b, d, ms.port())
				s := testutil.Services(b, d)
				f.syncer.Batch, f.syncer.Intake = 0, s.IMAPIntake
				ctx, cancel := context.WithCancel(context.Background())
				w := s.Mail.Worker(slog.New(slog.DiscardHandler), s.Mail.Workers())
				s.Mail.Wake = w.Wake
				done := make(chan struct{})
				go func() { w.Run(ctx); close(done) }()
				b.StartTimer()
				start := time.Now()
				n, err := f.syncer.SyncOnce(context.Background(), f.box.ID)
				if err != nil || n != benchMessages {
					b.Fatalf("imported %d, %v", n, err)
				}
				waitFiled(b, d, benchMessages)
				b.ReportMetric(time.Since(start).Seconds(), "s/mailbox")
				cancel()
				<-done
			}
		})
	}
}

func waitFiled(b *testing.B, d *db.DB, n int) {
	for deadline := time.Now().Add(10 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var filed int
		if err := d.Read.QueryRow(`SELECT COUNT(*) FROM raw_mails WHERE status <> 'received'`).Scan(&filed); err != nil {
			b.Fatal(err)
		}
		if filed >= n {
			var bad int
			_ = d.Read.QueryRow(`SELECT COUNT(*) FROM raw_mails WHERE status <> 'processed'`).Scan(&bad)
			if bad != 0 {
				b.Fatalf("%d of %d mails not filed", bad, n)
			}
			return
		}
	}
	b.Fatal("mails not filed in 10 minutes")
}
