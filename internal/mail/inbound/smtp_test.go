package inbound_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"log/slog"
	"math/big"
	"net"
	"net/smtp"
	"net/textproto"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// listen starts the listener and the processing worker for e.
func (e *env) listen(cfg inbound.SMTPConfig) string {
	e.t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		e.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := e.in.Worker(slog.Default(), 2)
	w.Poll = 50 * time.Millisecond
	e.in.Wake = w.Wake
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	srv := e.in.NewSMTPServer(cfg, slog.Default())
	go srv.Serve(ln)
	e.t.Cleanup(func() {
		_ = srv.Shutdown(context.Background())
		cancel()
		<-done
	})
	return ln.Addr().String()
}

// send runs one SMTP transaction and returns the first refusal's code (0: 250).
func send(t *testing.T, c *smtp.Client, from string, to []string, body string) int {
	t.Helper()
	if err := c.Mail(from); err != nil {
		return codeOf(t, err)
	}
	for _, r := range to {
		if err := c.Rcpt(r); err != nil {
			_ = c.Reset()
			return codeOf(t, err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return codeOf(t, err)
	}
	_, _ = w.Write([]byte(body))
	if err := w.Close(); err != nil {
		return codeOf(t, err)
	}
	return 0
}

func codeOf(t *testing.T, err error) int {
	var te *textproto.Error
	if !errors.As(err, &te) {
		t.Fatalf("not an SMTP reply: %v", err)
	}
	return te.Code
}

func dial(t *testing.T, addr string) *smtp.Client {
	t.Helper()
	c, err := smtp.Dial(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Hello("client.example"); err != nil {
		t.Fatal(err)
	}
	return c
}

// waitFor polls until cond holds; processing is asynchronous.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func mailText(from, subject, body string) string {
	return "From: " + from + "\r\nTo: support@localhost\r\nSubject: " + subject +
		"\r\nMessage-ID: <" + subject + "@client.example>\r\n\r\n" + body + "\r\n"
}

func TestSMTPConversation(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		addr := e.listen(inbound.SMTPConfig{Domain: "mx.test", MaxSize: 10_000})
		c := dial(t, addr)
		if code := send(t, c, "eve@example.com", []string{"random@localhost"}, "x"); code != 550 {
			t.Errorf("unknown recipient: %d, want 550", code)
		}
		support, err := e.s.Teams.Find(context.Background(), d.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		quiet, err := e.s.Teams.Create(context.Background(), team.Input{Name: testutil.Ptr("Quiet"),
			Channels: &team.Channels{Form: true}}, support.PipelineID)
		if err != nil {
			t.Fatal(err)
		}
		if code := send(t, c, "eve@example.com", []string{quiet.EmailAlias}, "x"); code != 550 {
			t.Errorf("alias of a team with email off: %d, want 550", code)
		}
		if code := send(t, c, "eve@example.com", []string{"support+not-a-token@localhost"}, "x"); code != 550 {
			t.Errorf("reply address of no ticket: %d, want 550", code)
		}
		big := mailText("eve@example.com", "big", strings.Repeat("0123456789\r\n", 2000))
		if code := send(t, c, "eve@example.com", []string{"support@localhost"}, big); code != 552 {
			t.Errorf("oversized mail: %d, want 552", code)
		}
		c = dial(t, addr) // a client gives up on the connection after 552
		if code := send(t, c, "eve@example.com", []string{"Support@Localhost"},
			mailText("Eve <eve@example.com>", "hello", "Is anyone there?")); code != 0 {
			t.Fatalf("good mail refused: %d", code)
		}
		var id int64
		waitFor(t, "the ticket", func() bool {
			return d.Read.QueryRow(`SELECT ticket_id FROM raw_mails WHERE status = 'processed'`).Scan(&id) == nil
		})
		tk, err := e.s.Tickets.Get(context.Background(), id)
		if err != nil || tk.Subject != "hello" {
			t.Fatalf("ticket %+v %v", tk, err)
		}
		reply := "support+" + tk.PublicToken + "@localhost"
		if code := send(t, c, "eve@example.com", []string{reply},
			mailText("eve@example.com", "more", "Here is more.")); code != 0 {
			t.Errorf("reply address refused: %d", code)
		}
		waitFor(t, "the reply on the ticket", func() bool { return len(e.messages(id)) == 2 })
	})
}

func TestSMTPConnectionLimitAndTLS(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		addr := e.listen(inbound.SMTPConfig{Domain: "mx.test", MaxConnsPerIP: 2, TLS: selfSigned(t)})
		dial(t, addr)
		c2 := dial(t, addr)
		if _, err := smtp.Dial(addr); err == nil || !strings.Contains(err.Error(), "421") {
			t.Errorf("third connection from one address: %v, want 421", err)
		}
		if ok, _ := c2.Extension("STARTTLS"); !ok {
			t.Fatal("STARTTLS not offered with a certificate configured")
		}
		if err := c2.StartTLS(&tls.Config{InsecureSkipVerify: true, ServerName: "mx.test"}); err != nil {
			t.Fatal(err)
		}
		if code := send(t, c2, "eve@example.com", []string{"support@localhost"},
			mailText("eve@example.com", "secret", "Over TLS.")); code != 0 {
			t.Errorf("mail over TLS refused: %d", code)
		}
	})
}

func selfSigned(t *testing.T) *tls.Config {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mx.test"},
		DNSNames: []string{"mx.test"}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
}
