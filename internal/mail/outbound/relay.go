package outbound

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/textproto"
	"net/url"
	"strings"
	"time"
)

// Relay is the SMTP server mail goes out through, from
// FRONTDESK_SMTP_RELAY: smtp://user:pass@host:port (STARTTLS when the
// server offers it) or smtps://user:pass@host:port (TLS from the start).
type Relay struct {
	Host, Port  string
	User, Pass  string
	ImplicitTLS bool
	HelloName   string      // our name in EHLO: the mail domain
	TLS         *tls.Config // nil: verify the relay's certificate against the system roots
	Timeout     time.Duration
}

// ParseRelay reads a relay URL; "" gives nil (no relay: mail waits).
func ParseRelay(raw string) (*Relay, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
		return nil, fmt.Errorf("smtp relay %q: want smtp://user:pass@host:port or smtps://...", redact(raw))
	}
	r := &Relay{Host: u.Hostname(), Port: u.Port(), ImplicitTLS: u.Scheme == "smtps"}
	if r.Port == "" {
		r.Port = map[bool]string{true: "465", false: "25"}[r.ImplicitTLS]
	}
	if u.User != nil {
		r.User = u.User.Username()
		r.Pass, _ = u.User.Password()
	}
	return r, nil
}

func redact(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Redacted()
	}
	return "(unparsable)"
}

// String names the relay without its password, for logs.
func (r *Relay) String() string {
	s := "smtp"
	if r.ImplicitTLS {
		s = "smtps"
	}
	return s + "://" + net.JoinHostPort(r.Host, r.Port)
}

// refusal is an SMTP answer that says the mail can never go through.
type refusal struct{ err error }

func (e refusal) Error() string { return e.err.Error() }
func (e refusal) Unwrap() error { return e.err }

// permanent reports whether err is the relay's 5xx refusal of the mail
// itself (sender, recipients or content); anything else is retried,
// including a refused login, which an admin can fix.
func permanent(err error) bool {
	var r refusal
	return errors.As(err, &r)
}

func code(err error) int {
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code
	}
	return 0
}

// Send delivers data to rcpts. It returns the recipients the relay
// refused while accepting others; the mail counts as sent once the relay
// answers 250 to the data.
func (r *Relay) Send(ctx context.Context, from string, rcpts []string, data []byte) (refused []string, err error) {
	c, err := r.dial(ctx)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	// Shutting down interrupts the conversation; the row's lease brings
	// the mail back, and the relay never answered 250 to it.
	defer context.AfterFunc(ctx, func() { c.Close() })()
	if err := c.Mail(from); err != nil {
		return nil, classify(err)
	}
	var last error
	for _, to := range rcpts {
		if err := c.Rcpt(to); err != nil {
			if code(err) < 500 {
				return nil, err
			}
			refused, last = append(refused, to), err
		}
	}
	if len(refused) == len(rcpts) {
		return refused, refusal{fmt.Errorf("the relay refused every recipient (%s): %w", strings.Join(refused, ", "), last)}
	}
	w, err := c.Data()
	if err != nil {
		return refused, classify(err)
	}
	if _, err := w.Write(data); err != nil {
		return refused, err
	}
	if err := w.Close(); err != nil {
		return refused, classify(err)
	}
	_ = c.Quit()
	return refused, nil
}

func classify(err error) error {
	if c := code(err); c >= 500 && c < 600 {
		return refusal{err}
	}
	return err
}
