package inbound

import (
	"context"
	"log/slog"
	"time"

	"github.com/frontdesk/frontdesk/internal/jobs"
	"github.com/frontdesk/frontdesk/internal/mail/parse"
)

// Workers is how many mails a node files at once. On PostgreSQL each
// worker mostly waits for round trips, and more of them keep the database
// busy; on SQLite the one writer commits their transactions together, and
// the more share a commit, the less each pays for the full-text index's
// flush (eight: 17% more mails a second than four; sixteen: no more).
func (in *Intake) Workers() int { return 8 }

// Worker returns the job worker that processes accepted mail; Accept wakes
// it when it is set as the intake's Wake.
func (in *Intake) Worker(log *slog.Logger, concurrency int) *jobs.Worker {
	// Filing a mail takes milliseconds: a short lease lets another node
	// take over soon after one dies.
	return &jobs.Worker{DB: in.DB, Kind: JobKind, Concurrency: concurrency, Log: log, Lease: time.Minute,
		Batch: 8, HandleEnds: true,
		Handle: func(ctx context.Context, j jobs.Job) error {
			return in.process(ctx, j.RefID)
		},
		GiveUp: func(ctx context.Context, j jobs.Job, cause error) error {
			return in.MarkFailed(ctx, j.RefID, in.parsed(ctx, j.RefID), cause)
		},
	}
}

// parsed is raw mail id parsed, or nil when it cannot be read.
func (in *Intake) parsed(ctx context.Context, id int64) *parse.Message {
	row, err := in.loadRaw(ctx, id)
	if err != nil {
		return nil
	}
	raw, err := in.bytesOf(row)
	if err != nil {
		return nil
	}
	return parse.Parse(raw)
}
