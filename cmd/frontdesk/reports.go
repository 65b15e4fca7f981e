package main

import (
	"context"
	"flag"
	"fmt"
	"os/signal"
	"syscall"
	"time"
)

// runReportsRebuild empties the report record and replays every ticket's
// history and every ended chat into it (docs/reports.md), for an install
// whose tickets and chats predate the record. With --chats it replays the
// chats alone, leaving the tickets' part as it is.
func runReportsRebuild(e *env, args []string) error {
	var chatsOnly bool
	cfg, _, err := loadConfig("reports rebuild", e, args, func(fs *flag.FlagSet) {
		fs.BoolVar(&chatsOnly, "chats", false, "replay the chats only, keeping the tickets' part of the record")
	})
	if err != nil {
		return err
	}
	startProfiler(newLogger(cfg, e.stderr)) // FRONTDESK_PPROF: where a long rebuild spends its time
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	s, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.DB.Close()
	start := time.Now()
	told, n := 0, 0
	if !chatsOnly {
		n, err = s.Reports.Rebuild(ctx, func(done int) {
			if done-told >= 50_000 {
				fmt.Fprintf(e.stderr, "%d tickets replayed (%s)\n", done, time.Since(start).Round(time.Second))
				told = done
			}
		})
		if err != nil {
			return fmt.Errorf("after %d tickets: %w", n, err)
		}
	}
	chats, err := s.Reports.RebuildChats(ctx, func(done int) {
		if done%10_000 == 0 {
			fmt.Fprintf(e.stderr, "%d chats replayed (%s)\n", done, time.Since(start).Round(time.Second))
		}
	})
	if err != nil {
		return fmt.Errorf("after %d chats: %w", chats, err)
	}
	took := time.Since(start).Seconds()
	fmt.Fprintf(e.stdout, "rebuilt the report record from %d tickets and %d chats in %.1fs (%.0f tickets/s)\n", n, chats,
		took, float64(n)/max(took, 0.001))
	return nil
}
