package main

import (
	"context"
	"log/slog"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
)

// startSender runs the outbox sender until ctx ends; wait returns once it
// has stopped (after the mail it is handing to the relay, if any).
func startSender(ctx context.Context, s *app.Services, cfg config.Config, log *slog.Logger) (wait func(), err error) {
	relay, err := outbound.ParseRelay(cfg.SMTPRelay)
	if err != nil {
		return nil, err
	}
	if relay != nil {
		relay.HelloName = cfg.MailDomain
	}
	snd := &outbound.Sender{DB: s.DB, Blobs: s.Blobs, Relay: relay, Log: log.With("component", "outbox")}
	done := make(chan struct{})
	go func() {
		defer close(done)
		snd.Run(ctx)
	}()
	return func() { <-done }, nil
}
