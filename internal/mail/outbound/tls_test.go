package outbound_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"net"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// authSession adds AUTH PLAIN and notes whether the conversation was
// encrypted when the client logged in.
type authSession struct {
	*testutil.RelaySession
	conn *smtp.Conn
	tls  *bool
}

func (s *authSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *authSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		_, *s.tls = s.conn.TLSConnectionState()
		if user != "frontdesk" || pass != "s3cret/pass" {
			return errors.New("bad credentials")
		}
		return nil
	}), nil
}

type authBackend struct {
	*testutil.Relay
	tls *bool
}

func (b authBackend) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &authSession{RelaySession: b.Session(), conn: c, tls: b.tls}, nil
}

func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "relay.test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

func TestRelayUpgradesToTLSBeforeLoggingIn(t *testing.T) {
	cert, pool := selfSigned(t)
	rec := &testutil.Relay{}
	var encrypted bool
	srv := smtp.NewServer(authBackend{rec, &encrypted})
	srv.Domain = "relay.test"
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	relay, err := outbound.ParseRelay("smtp://frontdesk:s3cret%2Fpass@" + ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	relay.TLS = &tls.Config{RootCAs: pool}
	if _, err := relay.Send(context.Background(), "support@localhost", []string{"ada@example.com"}, []byte("Subject: hi\r\n\r\nhi\r\n")); err != nil {
		t.Fatal(err)
	}
	if !encrypted || len(rec.Deliveries()) != 1 {
		t.Errorf("logged in over TLS: %v; deliveries %d", encrypted, len(rec.Deliveries()))
	}
	relay.Pass = "wrong"
	if _, err := relay.Send(context.Background(), "support@localhost", []string{"ada@example.com"}, []byte("x\r\n")); err == nil {
		t.Error("a refused login must fail the send")
	}
	relay.TLS = nil // the system roots do not know the test certificate
	relay.Pass = "s3cret/pass"
	if _, err := relay.Send(context.Background(), "support@localhost", []string{"ada@example.com"}, []byte("x\r\n")); err == nil {
		t.Error("an unverifiable certificate must fail the send")
	}
}
