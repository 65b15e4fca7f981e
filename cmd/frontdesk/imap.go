package main

import (
	"context"
	"log/slog"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/mail/mailbox"
)

// startIMAP runs the syncers of the teams' IMAP mailboxes until ctx ends,
// handing what they fetch to s.IMAPIntake. The returned func waits until
// they have stopped.
func startIMAP(ctx context.Context, s *app.Services, cfg config.Config, log *slog.Logger) (wait func()) {
	if s.IMAPIntake == nil {
		log.Warn("IMAP mailboxes are not synced: no mail intake is wired")
		return func() {}
	}
	syncer := &mailbox.Syncer{Mailboxes: s.Mailboxes, Intake: s.IMAPIntake, Log: log, Poll: cfg.IMAPPollInterval()}
	done := make(chan struct{})
	go func() {
		defer close(done)
		(&mailbox.Manager{Syncer: syncer}).Run(ctx)
	}()
	return func() { <-done }
}
