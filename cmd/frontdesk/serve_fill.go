package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
)

// startSliceFill fills the report slices of the days before migrations
// 0071 and 0073 in the background (docs/reports.md, "Slices"), a day per
// short transaction; reports read the full key meanwhile. A failed step
// is tried again a minute later; the returned stop waits for a day under
// way. On several nodes each fills the next day left, never one twice.
func startSliceFill(ctx context.Context, s *app.Services, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		fillSlices(ctx, s, log.With("component", "report slices"))
	}()
	return func() { cancel(); <-done }
}

func fillSlices(ctx context.Context, s *app.Services, log *slog.Logger) {
	complete, err := s.Reports.SlicesComplete(ctx)
	if err != nil {
		if ctx.Err() == nil {
			log.Error("report slices: cannot read how far they are filled", "err", err)
		}
		return
	}
	if complete {
		return
	}
	start := time.Now()
	days := 0
	var busy time.Duration
	log.Info("filling the report slices of past days, newest first")
	for {
		err := s.Reports.FillSlices(ctx, func(day string, took time.Duration) {
			days++
			busy += took
			log.Debug("day filled", "day", day, "took", took.Round(time.Millisecond))
			if days%30 == 0 {
				log.Info("filling the report slices", "days", days, "down_to", day,
					"took", time.Since(start).Round(time.Second), "in_transactions", busy.Round(time.Second))
			}
		})
		if err == nil {
			log.Info("report slices complete", "days", days, "took", time.Since(start).Round(time.Second),
				"in_transactions", busy.Round(time.Second))
			return
		}
		if ctx.Err() != nil {
			log.Info("report slices: stopped, to go on at the next start", "days", days)
			return
		}
		log.Error("report slices: a day failed, trying again in a minute", "days", days, "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}
