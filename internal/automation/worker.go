package automation

import (
	"context"
	"log/slog"
	"time"
)

// Worker fires due time rules every Every, sooner while it finds full
// batches: a time rule fires within Every of its time.
type Worker struct {
	S     *Service
	Log   *slog.Logger
	Every time.Duration // 0: 15 seconds
}

// Run works until ctx ends.
func (w *Worker) Run(ctx context.Context) {
	every := w.Every
	if every == 0 {
		every = 15 * time.Second
	}
	for {
		n, err := w.S.FireDue(ctx)
		if err != nil && ctx.Err() == nil {
			w.Log.Error("time rules", "err", err)
		}
		wait := every
		if n >= TimerBatch {
			wait = 0
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}
