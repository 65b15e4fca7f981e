package inbound

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// SMTPConfig sets up the inbound SMTP listener. Zero values take the defaults.
type SMTPConfig struct {
	Domain        string      // the name it greets with
	MaxSize       int64       // bytes of one mail; default 25 MB
	TLS           *tls.Config // offers STARTTLS when set
	MaxConns      int         // open connections in all; default 200
	MaxConnsPerIP int         // default 50
	// MailsPerIP mails one client address may send per minute; default
	// 60,000 (the usual client is the one mail server forwarding everything).
	MailsPerIP int
	// CommandTimeout is how long the listener waits for a command, or for
	// the next bytes of a mail; default 60 s. DataTimeout bounds the whole
	// DATA; default 10 min. A slow sender cannot hold a connection slot
	// longer (docs/mail.md explains the figures).
	CommandTimeout, DataTimeout time.Duration
}

// DefaultMaxSize is the largest mail the listener takes by default.
const DefaultMaxSize = 25 << 20

// SMTPServer is the inbound listener: it takes mail for team aliases and
// reply addresses and answers 250 only once Accept has committed it.
type SMTPServer struct {
	srv     *smtp.Server
	in      *Intake
	cfg     SMTPConfig
	log     *slog.Logger
	rate    httpx.Limiter
	guesses httpx.Limiter
}

// NewSMTPServer builds the listener for in.
func (in *Intake) NewSMTPServer(cfg SMTPConfig, log *slog.Logger) *SMTPServer {
	cfg.MaxSize = orDefault(cfg.MaxSize, DefaultMaxSize)
	cfg.MaxConns = int(orDefault(int64(cfg.MaxConns), 200))
	cfg.MaxConnsPerIP = int(orDefault(int64(cfg.MaxConnsPerIP), 50))
	cfg.MailsPerIP = int(orDefault(int64(cfg.MailsPerIP), 60_000))
	cfg.CommandTimeout = time.Duration(orDefault(int64(cfg.CommandTimeout), int64(time.Minute)))
	cfg.DataTimeout = time.Duration(orDefault(int64(cfg.DataTimeout), int64(10*time.Minute)))
	s := &SMTPServer{in: in, cfg: cfg, log: log, guesses: in.guesses(),
		rate: in.limits()("smtp_mails", cfg.MailsPerIP, time.Minute)}
	srv := smtp.NewServer(s)
	srv.Domain = cfg.Domain
	srv.MaxMessageBytes = cfg.MaxSize
	srv.MaxRecipients = 50
	srv.ReadTimeout = cfg.CommandTimeout
	srv.WriteTimeout = time.Minute
	srv.TLSConfig = cfg.TLS
	srv.ErrorLog = slogAdapter{log}
	s.srv = srv
	return s
}

func orDefault(v, d int64) int64 {
	if v <= 0 {
		return d
	}
	return v
}

// Serve answers connections on ln until Shutdown.
func (s *SMTPServer) Serve(ln net.Listener) error {
	ln = deadlineListener{Listener: ln, idle: s.cfg.CommandTimeout}
	err := s.srv.Serve(&limitListener{Listener: ln, max: s.cfg.MaxConns, perIP: s.cfg.MaxConnsPerIP,
		byIP: map[string]int{}})
	if errors.Is(err, smtp.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops taking connections and waits for those open to end.
func (s *SMTPServer) Shutdown(ctx context.Context) error { return s.srv.Shutdown(ctx) }

// NewSession starts a connection's session.
func (s *SMTPServer) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{s: s, conn: c, ip: clientIP(c.Conn().RemoteAddr())}, nil
}

// slogAdapter lets go-smtp log through slog.
type slogAdapter struct{ log *slog.Logger }

func (a slogAdapter) Printf(format string, v ...any) {
	a.log.Warn("smtp", "msg", fmt.Sprintf(format, v...))
}
func (a slogAdapter) Println(v ...any) { a.log.Warn("smtp", "msg", fmt.Sprint(v...)) }
