package app

import (
	"context"
	"log/slog"
	"time"
)

// Sweeper keeps the data from growing without bound: it prunes raw mails
// past their retention and removes blob files nothing names any more.
type Sweeper struct {
	S   *Services
	Log *slog.Logger
	// RawMailRetention is how long a processed or ignored raw mail is kept
	// (FRONTDESK_RAW_MAIL_DAYS).
	RawMailRetention time.Duration
	// BlobGrace is how old an unreferenced file must be before it goes:
	// long enough for any upload or mail to commit the row naming it.
	BlobGrace time.Duration
	Every     time.Duration // between sweeps
}

// Defaults of a Sweeper's zero fields.
const (
	DefaultBlobGrace = time.Hour
	// DefaultSweepEvery: a sweep reads every file's time and looks up each
	// one past the grace (an indexed query), so on a large data directory
	// it is not free; orphans only take disk space meanwhile.
	DefaultSweepEvery = 6 * time.Hour
)

// Run sweeps once a minute after start, then every Every, until ctx ends.
func (w *Sweeper) Run(ctx context.Context) {
	wait := time.Minute
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		pruned, removed, err := w.Once(ctx)
		if err != nil && ctx.Err() == nil {
			w.Log.Error("sweep", "err", err)
		} else if pruned > 0 || removed > 0 {
			w.Log.Info("swept", "raw_mails_pruned", pruned, "blob_files_removed", removed)
		}
		wait = orDefault(w.Every, DefaultSweepEvery)
	}
}

// Once prunes the raw mails first, so their files go in the same sweep.
func (w *Sweeper) Once(ctx context.Context) (pruned int64, removed int, err error) {
	if w.RawMailRetention > 0 {
		if pruned, err = w.S.Mail.PruneRawMails(ctx, time.Now().Add(-w.RawMailRetention)); err != nil {
			return pruned, 0, err
		}
	}
	removed, err = w.S.Blobs.Sweep(ctx, orDefault(w.BlobGrace, DefaultBlobGrace), w.blobInUse)
	return pruned, removed, err
}

// blobInUse reports whether an attachment, a chat file or a raw mail
// names the blob sum: the tables whose rows point into the blob store.
func (w *Sweeper) blobInUse(ctx context.Context, sum string) (bool, error) {
	var used bool
	err := w.S.DB.Read.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM attachments WHERE sha256 = $1)
		OR EXISTS (SELECT 1 FROM raw_mails WHERE sha256 = $1)
		OR EXISTS (SELECT 1 FROM chat_files WHERE sha256 = $1)`, sum).Scan(&used)
	return used, err
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
