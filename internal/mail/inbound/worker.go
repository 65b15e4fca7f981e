package inbound

import (
	"context"
	"github.com/frontdesk/frontdesk/internal/db"
	"log/slog"
	"time"

	"github.com/frontdesk/frontdesk/internal/jobs"
	"github.com/frontdesk/frontdesk/internal/mail/parse"
)

// Workers is how many mails a node files at once: on SQLite the one
// writer is the limit and more workers only queue; on PostgreSQL each
// worker mostly waits for round trips, and more of them keep the
// database busy.
func (in *Intake) Workers() int {
	if in.DB.Dialect == db.Postgres {
		return 8
	}
	return 4
}

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
