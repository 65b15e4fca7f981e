package main

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/jobs"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
)

// startMail runs the inbound mail worker and, unless FRONTDESK_SMTP_LISTEN
// is empty, the SMTP listener. The returned stop closes the listener
// (sessions under way finish) and waits for the worker.
func startMail(ctx context.Context, s *app.Services, cfg config.Config, log *slog.Logger) (stop func(), err error) {
	if s.DB.Dialect == db.SQLite {
		// One process per SQLite file: leases left by a crash are ours.
		if err := jobs.ReleaseLeases(ctx, s.DB); err != nil {
			return nil, err
		}
	}
	workerCtx, cancel := context.WithCancel(ctx)
	w := s.Mail.Worker(log, s.Mail.Workers())
	s.Mail.Wake = w.Wake
	done := make(chan struct{})
	go func() { w.Run(workerCtx); close(done) }()
	stopWorker := func() { cancel(); <-done }
	if cfg.SMTPListen == "" {
		return stopWorker, nil
	}
	smtpCfg := inbound.SMTPConfig{Domain: cfg.MailDomain}
	if cfg.SMTPTLSCert != "" {
		cert, err := tls.LoadX509KeyPair(cfg.SMTPTLSCert, cfg.SMTPTLSKey)
		if err != nil {
			stopWorker()
			return nil, fmt.Errorf("SMTP certificate: %w", err)
		}
		smtpCfg.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	ln, err := net.Listen("tcp", cfg.SMTPListen)
	if err != nil {
		stopWorker()
		return nil, fmt.Errorf("listen for SMTP on %s: %w", cfg.SMTPListen, err)
	}
	srv := s.Mail.NewSMTPServer(smtpCfg, log)
	go func() {
		if err := srv.Serve(ln); err != nil {
			log.Error("smtp listener", "err", err)
		}
	}()
	log.Info("smtp listener is running", "listen", ln.Addr().String(), "starttls", smtpCfg.TLS != nil)
	return func() {
		shutdown, cancelShutdown := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancelShutdown()
		_ = srv.Shutdown(shutdown)
		stopWorker()
	}, nil
}
