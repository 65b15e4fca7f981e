package mailbox_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/frontdesk/frontdesk/internal/blob"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// benchEngines opens a fresh database of each engine.
var benchEngines = map[string]func(testing.TB) *db.DB{"sqlite": testutil.NewSQLite, "postgres": testutil.NewPostgres}

// benchMessages is the size of the mailbox the issue asks to import in
// at most 60 s.
const benchMessages = 10_000

// BenchmarkImport syncs a 10,000-message mailbox (about 4 KB a message)
// of go-imap's in-memory server on loopback, into a recording intake, and
// into an intake-like path: the raw bytes to the blob store (fsynced) and
// a row per message in its own transaction. One op is the whole mailbox.
func BenchmarkImport(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		for _, path := range []string{"record", "blob+row"} {
			b.Run(engine+"/"+path, func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					ms := startMem(b, false)
					fillMem(b, ms, benchMessages)
					d := benchEngines[engine](b)
					f := newFixture(b, d, ms.port())
					f.syncer.Batch = 0 // the default
					if path == "blob+row" {
						f.syncer.Intake = newRawIntake(b, d)
					}
					b.StartTimer()
					start := time.Now()
					n, err := f.syncer.SyncOnce(context.Background(), f.box.ID)
					if err != nil || n != benchMessages {
						b.Fatalf("imported %d, %v", n, err)
					}
					b.ReportMetric(time.Since(start).Seconds(), "s/mailbox")
				}
			})
		}
	}
}

func fillMem(b *testing.B, ms *memServer, n int) {
	b.Helper()
	body := strings.Repeat("We ordered the blue model and got the red one; please advise. ", 60)
	for i := range n {
		raw := append(rawMail(i), body...)
		if _, err := ms.user.Append("INBOX", benchLiteral{bytes.NewReader(raw)}, &imap.AppendOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

type benchLiteral struct{ *bytes.Reader }

func (l benchLiteral) Size() int64 { return l.Reader.Size() }

// rawIntake does what a raw-first intake does with each mail: the bytes
// durably to a file named by their hash, then a row, idempotent by hash.
type rawIntake struct {
	d     *db.DB
	blobs *blob.Store
}

func newRawIntake(b *testing.B, d *db.DB) *rawIntake {
	b.Helper()
	_, err := d.Write.Exec(`CREATE TABLE bench_raw_mail (sha256 TEXT PRIMARY KEY, team_id BIGINT NOT NULL, size BIGINT NOT NULL)`)
	if err != nil {
		b.Fatal(err)
	}
	return &rawIntake{d: d, blobs: &blob.Store{Dir: b.TempDir()}}
}

func (r *rawIntake) AcceptIMAP(ctx context.Context, raw []byte, teamID int64) error {
	ref, err := r.blobs.PutBytes(raw)
	if err != nil {
		return err
	}
	return r.d.WithTx(ctx, func(tx *db.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO bench_raw_mail (sha256, team_id, size) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, ref.SHA256, teamID, len(raw))
		return err
	})
}
