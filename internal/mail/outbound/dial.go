package outbound

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/smtp"
	"time"
)

// dial connects, greets, upgrades to TLS when it can and logs in.
func (r *Relay) dial(ctx context.Context) (*smtp.Client, error) {
	timeout := r.Timeout
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	d := net.Dialer{Timeout: 30 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(r.Host, r.Port))
	if err != nil {
		return nil, err
	}
	// One deadline for the whole conversation: a stuck relay cannot hold
	// a mail past its lease.
	_ = conn.SetDeadline(time.Now().Add(timeout))
	if r.ImplicitTLS {
		tc := tls.Client(conn, r.tlsConfig())
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, fmt.Errorf("TLS with %s: %w", r, err)
		}
		conn = tc
	}
	c, err := smtp.NewClient(conn, r.Host)
	if err != nil {
		conn.Close()
		return nil, err
	}
	if err := r.hello(c); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

func (r *Relay) hello(c *smtp.Client) error {
	name := r.HelloName
	if name == "" {
		name = "localhost"
	}
	if err := c.Hello(name); err != nil {
		return err
	}
	if ok, _ := c.Extension("STARTTLS"); ok && !r.ImplicitTLS {
		if err := c.StartTLS(r.tlsConfig()); err != nil {
			return fmt.Errorf("STARTTLS with %s: %w", r, err)
		}
	}
	if r.User == "" {
		return nil
	}
	// PlainAuth refuses to send the password without TLS, except to localhost.
	if err := c.Auth(smtp.PlainAuth("", r.User, r.Pass, r.Host)); err != nil {
		return fmt.Errorf("login at %s as %s: %w", r, r.User, err)
	}
	return nil
}

func (r *Relay) tlsConfig() *tls.Config {
	if r.TLS != nil {
		c := r.TLS.Clone()
		if c.ServerName == "" {
			c.ServerName = r.Host
		}
		return c
	}
	return &tls.Config{ServerName: r.Host, MinVersion: tls.VersionTLS12}
}
