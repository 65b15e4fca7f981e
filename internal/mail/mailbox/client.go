package mailbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// dialTimeout bounds connecting and the TLS handshake.
const dialTimeout = 30 * time.Second

// session is a logged-in connection with the folder selected read-only,
// so that nothing in the folder, no flag, is changed by us.
type session struct {
	c       *imapclient.Client
	sel     *imap.SelectData
	updates chan struct{} // the server told of new messages
	stop    func() bool
}

// open connects to m, logs in and selects its folder read-only. The
// connection is closed when ctx ends, which aborts any command waiting.
func open(ctx context.Context, m Mailbox, tlsConfig *tls.Config) (*session, error) {
	s := &session{updates: make(chan struct{}, 1)}
	opts := &imapclient.Options{
		Dialer: &net.Dialer{Timeout: dialTimeout},
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{Mailbox: func(d *imapclient.UnilateralDataMailbox) {
			if d.NumMessages != nil {
				s.signal()
			}
		}},
	}
	if tlsConfig != nil {
		opts.TLSConfig = tlsConfig.Clone()
	} else {
		opts.TLSConfig = &tls.Config{ServerName: m.Host, MinVersion: tls.VersionTLS12}
	}
	c, err := dial(m, opts)
	if err != nil {
		return nil, explain("connect", m, err)
	}
	s.c = c
	s.stop = context.AfterFunc(ctx, func() { c.Close() })
	if err := c.Login(m.Username, m.Password).Wait(); err != nil {
		s.close()
		return nil, explain("login", m, err)
	}
	s.sel, err = c.Select(m.Folder, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		s.close()
		return nil, explain("select", m, err)
	}
	return s, nil
}

func dial(m Mailbox, opts *imapclient.Options) (*imapclient.Client, error) {
	var c *imapclient.Client
	var err error
	switch m.TLS {
	case TLS:
		c, err = imapclient.DialTLS(m.Addr(), opts)
	case StartTLS:
		c, err = imapclient.DialStartTLS(m.Addr(), opts)
	default:
		c, err = imapclient.DialInsecure(m.Addr(), opts)
	}
	if err != nil {
		return nil, err
	}
	if err := c.WaitGreeting(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

func (s *session) signal() {
	select {
	case s.updates <- struct{}{}:
	default:
	}
}

func (s *session) close() {
	s.stop()
	if err := s.c.Logout().Wait(); err == nil {
		s.c.Close()
		return
	}
	s.c.Close()
}

// explain says in plain words what failed, for the settings page.
func explain(stage string, m Mailbox, err error) error {
	var imapErr *imap.Error
	text := err.Error()
	if errors.As(err, &imapErr) {
		text = imapErr.Text
	}
	switch stage {
	case "connect":
		var tlsErr *tls.CertificateVerificationError
		if errors.As(err, &tlsErr) {
			return fmt.Errorf("the server %s presented a certificate we cannot trust: %v", m.Addr(), tlsErr.Err)
		}
		return fmt.Errorf("could not connect to %s (%s): %v", m.Addr(), m.TLS, err)
	case "login":
		return fmt.Errorf("the server refused the login of %q: %s", m.Username, text)
	case "select":
		return fmt.Errorf("could not open the folder %q: %s", m.Folder, text)
	}
	return fmt.Errorf("%s: %s", stage, text)
}

var errClosed = errors.New("the server closed the connection")
