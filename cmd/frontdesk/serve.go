package main

import (
	"context"
	"fmt"
	"github.com/frontdesk/frontdesk/internal/automation"
	"log/slog"
	"net"
	"os/signal"
	"syscall"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/events"
	"github.com/frontdesk/frontdesk/internal/geoip"
	"github.com/frontdesk/frontdesk/internal/notification"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/server"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/webhook"
)

// open connects, migrates and bootstraps: what every command that touches
// the database needs.
func open(ctx context.Context, cfg config.Config) (*app.Services, error) {
	d, err := db.Open(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	if _, err := d.Migrate(ctx); err != nil {
		d.Close()
		return nil, err
	}
	s := app.NewServices(d, cfg)
	if _, err := s.Bootstrap(ctx); err != nil {
		d.Close()
		return nil, err
	}
	if cfg.GeoIPDB != "" {
		if s.GeoIP, err = geoip.Open(cfg.GeoIPDB); err != nil {
			d.Close()
			return nil, fmt.Errorf("--geoip-db (FRONTDESK_GEOIP_DB): %w", err)
		}
	}
	return s, nil
}

func runServe(e *env, args []string) error {
	cfg, fs, err := loadConfig("serve", e, args, nil)
	if err != nil {
		return err
	}
	log := newLogger(cfg, e.stderr)
	app.TuneGC()
	startProfiler(log)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	// Listen first: with no base URL given, links use the address really
	// listened on (--http 0.0.0.0:9000 or port 0 included).
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.HTTPAddr, err)
	}
	if !baseURLSet(fs) {
		cfg.BaseURL = listenURL(ln.Addr())
	}
	s, err := open(ctx, cfg)
	if err != nil {
		ln.Close()
		return err
	}
	defer s.DB.Close()
	if cfg.IsPostgres() {
		// Several nodes share one database: events travel through it.
		s.UseBus(events.NewPostgres(ctx, cfg.DB, log))
	}
	if err := firstAdmin(ctx, e, s, cfg); err != nil {
		ln.Close()
		return err
	}
	defer startSweeper(ctx, s, cfg, log)() // stops before the database closes
	defer startSLA(ctx, s, log)()
	defer startTimeRules(ctx, s, log)()
	defer startWebhooks(ctx, s, log)()
	defer startDigests(ctx, s, log)()
	defer startChatSweeper(ctx, s, log)()
	defer startReportRoller(ctx, s, log)()
	defer startSliceFill(ctx, s, log)()
	stopMail, err := startMail(ctx, s, cfg, log)
	if err != nil {
		ln.Close()
		return err
	}
	defer stopMail()
	waitSender, err := startSender(ctx, s, cfg, log)
	if err != nil {
		ln.Close()
		return err
	}
	defer waitSender()
	defer stop()                        // the sender stops with the server, however it ends
	defer startIMAP(ctx, s, cfg, log)() // stops the syncers before the database closes
	h := server.Handler(s, log)
	app.ReleaseStartupMemory()
	log.Info("frontdesk is running", "url", cfg.BaseURL, "listen", ln.Addr().String(), "database", string(s.DB.Dialect))
	banner(e, cfg, ln.Addr(), dialectName(s.DB.Dialect))
	return server.Serve(ctx, ln, h, log, 20*time.Second)
}

// startSweeper prunes old raw mails and unreferenced blob files in the
// background; the returned stop waits for a sweep under way.
func startSweeper(ctx context.Context, s *app.Services, cfg config.Config, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	w := &app.Sweeper{S: s, Log: log, RawMailRetention: cfg.RawMailRetention()}
	go func() { w.Run(ctx); close(done) }()
	return func() { cancel(); <-done }
}

// startChatSweeper finds missed chats and routes waiting ones on every
// node (docs/chat.md); the returned stop waits for a sweep under way.
func startChatSweeper(ctx context.Context, s *app.Services, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		s.Chats.RunSweeper(ctx, func(err error) { log.Error("chat sweep", "err", err) })
		close(done)
	}()
	return func() { cancel(); <-done }
}

// startReportRoller adds the facts queued by ticket and chat changes to
// the report roll-ups in the background, on every node (one rolls at a
// time, docs/reports.md); the returned stop waits for a roll under way.
func startReportRoller(ctx context.Context, s *app.Services, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		s.Reports.RunRoller(ctx, func(err error) { log.Error("report roll-up", "err", err) })
		close(done)
	}()
	return func() { cancel(); <-done }
}

// firstAdmin creates the admin of an empty install, from
// FRONTDESK_ADMIN_EMAIL and FRONTDESK_ADMIN_PASSWORD or with a generated
// one-time password, and says how to sign in.
func firstAdmin(ctx context.Context, e *env, s *app.Services, cfg config.Config) error {
	n, err := s.Operators.Count(ctx)
	if err != nil || n > 0 {
		return err
	}
	email, password := cfg.AdminEmail, cfg.AdminPassword
	if email == "" {
		email = "admin@" + cfg.MailDomain
	}
	generated := password == ""
	if generated {
		password = operator.GeneratePassword()
	}
	op, err := s.Operators.Create(ctx, operator.NewOperator{Email: email, Name: "Admin", Role: operator.Admin,
		Password: password})
	if err != nil {
		return fmt.Errorf("create the first admin: %w", err)
	}
	fmt.Fprintf(e.stdout, "\nCreated the first admin account.\n  Sign in at %s as %s\n", cfg.BaseURL, op.Email)
	if generated {
		fmt.Fprintf(e.stdout, "  One-time password: %s  (change it after signing in)\n", password)
	}
	fmt.Fprintf(e.stdout, "  API token: %s token create --email %s\n\n", invokedAs(e.arg0), op.Email)
	return nil
}

func runMigrate(e *env, args []string) error {
	cfg, _, err := loadConfig("migrate", e, args, nil)
	if err != nil {
		return err
	}
	ctx := context.Background()
	d, err := db.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer d.Close()
	n, err := d.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "applied %d migrations; the schema is current\n", n)
	return nil
}

// startSLA runs the SLA worker: warnings and breaches as their time
// comes, and recomputation after policies or hours change.
func startSLA(ctx context.Context, s *app.Services, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	w := &sla.Worker{S: s.SLA, Log: log}
	go func() { w.Run(ctx); close(done) }()
	return func() { cancel(); <-done }
}

// startTimeRules runs the worker that fires time rules as they come due.
func startTimeRules(ctx context.Context, s *app.Services, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	w := &automation.Worker{S: s.Automations, Log: log}
	go func() { w.Run(ctx); close(done) }()
	return func() { cancel(); <-done }
}

// startWebhooks posts queued webhook deliveries (docs/webhooks.md); the
// returned stop waits for a delivery under way.
func startWebhooks(ctx context.Context, s *app.Services, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	w := &webhook.Sender{DB: s.DB, Log: log.With("component", "webhooks"), Guard: s.Webhooks.Guard()}
	s.Webhooks.Wake = w.Wake
	go func() { w.Run(ctx); close(done) }()
	return func() { cancel(); <-done }
}

// startDigests mails the daily notification digests of the operators who
// chose them; the returned stop waits for a digest under way.
func startDigests(ctx context.Context, s *app.Services, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	d := &notification.Digester{S: s.Notifications, Log: log.With("component", "digest")}
	go func() { d.Run(ctx); close(done) }()
	return func() { cancel(); <-done }
}

func dialectName(d db.Dialect) string {
	if d == db.Postgres {
		return "PostgreSQL"
	}
	return "SQLite"
}
