package jobs

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Worker runs the jobs of one kind.
type Worker struct {
	DB   *db.DB
	Kind string
	// Handle does the work; it should call Done in the transaction that
	// commits the work. A nil return deletes the job in any case.
	Handle func(ctx context.Context, j Job) error
	// GiveUp runs when the job failed MaxAttempts times; the job is then
	// deleted. Its error keeps the job for another try.
	GiveUp      func(ctx context.Context, j Job, cause error) error
	MaxAttempts int           // 0: 5
	Lease       time.Duration // 0: 5 minutes
	Poll        time.Duration // 0: 1 second; Wake shortens the wait
	Concurrency int           // 0: 1
	Batch       int           // jobs claimed at once by each worker; 0: 1
	// HandleEnds says Handle always ends its job itself (Done or DoneFor
	// in its transaction) when it returns nil, sparing a transaction.
	HandleEnds bool
	Log        *slog.Logger

	once sync.Once
	wake chan struct{}
}

// Wake tells an idle worker that a job may be due, without waiting for the poll.
func (w *Worker) Wake() {
	w.init()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *Worker) init() {
	w.once.Do(func() {
		w.wake = make(chan struct{}, 1)
		if w.MaxAttempts == 0 {
			w.MaxAttempts = 5
		}
		if w.Lease == 0 {
			w.Lease = 5 * time.Minute
		}
		if w.Poll == 0 {
			w.Poll = time.Second
		}
		if w.Concurrency == 0 {
			w.Concurrency = 1
		}
		if w.Batch == 0 {
			w.Batch = 1
		}
		if w.Log == nil {
			w.Log = slog.Default()
		}
	})
}

// Run works until ctx ends; a job under way finishes first.
func (w *Worker) Run(ctx context.Context) {
	w.init()
	var wg sync.WaitGroup
	for range w.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.loop(ctx)
		}()
	}
	wg.Wait()
}

func (w *Worker) loop(ctx context.Context) {
	for ctx.Err() == nil {
		worked, err := w.RunOne(context.WithoutCancel(ctx))
		if err != nil {
			w.Log.Error("job queue", "kind", w.Kind, "err", err)
		}
		if worked && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
		case <-w.wake:
		case <-time.After(w.Poll):
		}
	}
}

// RunOne claims and runs up to Batch due jobs; worked is false when none
// was due.
func (w *Worker) RunOne(ctx context.Context) (worked bool, err error) {
	w.init()
	js, err := ClaimN(ctx, w.DB, w.Kind, w.Lease, w.Batch)
	if len(js) == 0 || err != nil {
		return false, err
	}
	for _, j := range js {
		if err := w.run(ctx, j); err != nil {
			return true, err
		}
	}
	return true, nil
}

func (w *Worker) run(ctx context.Context, j Job) error {
	herr := w.Handle(ctx, j)
	if herr == nil {
		if w.HandleEnds {
			return nil
		}
		return w.DB.WithTx(ctx, func(tx *db.Tx) error { return Done(ctx, tx, j.ID) })
	}
	w.Log.Warn("job failed", "kind", w.Kind, "ref", j.RefID, "attempt", j.Attempts, "err", herr)
	if j.Attempts < w.MaxAttempts || w.GiveUp == nil {
		return Retry(ctx, w.DB, j.ID, Backoff(j.Attempts), herr)
	}
	if err := w.GiveUp(ctx, j, herr); err != nil {
		return Retry(ctx, w.DB, j.ID, Backoff(j.Attempts), err)
	}
	return w.DB.WithTx(ctx, func(tx *db.Tx) error { return Done(ctx, tx, j.ID) })
}
