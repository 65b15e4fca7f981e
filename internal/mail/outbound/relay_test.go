package outbound_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"log/slog"
	"net"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
)

// delivery is what the recording relay accepted: envelope and data.
type delivery struct {
	From string
	To   []string
	Data []byte
}

// relayServer is a real SMTP server on loopback that records what it
// accepts and can refuse on demand.
type relayServer struct {
	mu         sync.Mutex
	got        []delivery
	refuseData int             // answer 451 to this many DATA commands first
	rejectRcpt map[string]bool // answer 550 to these recipients
}

func (r *relayServer) deliveries() []delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]delivery(nil), r.got...)
}

func (r *relayServer) NewSession(*smtp.Conn) (smtp.Session, error) { return &relaySession{srv: r}, nil }

type relaySession struct {
	srv *relayServer
	cur delivery
}

func (s *relaySession) Reset()        { s.cur = delivery{} }
func (s *relaySession) Logout() error { return nil }
func (s *relaySession) Mail(from string, _ *smtp.MailOptions) error {
	s.cur.From = from
	return nil
}

func (s *relaySession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.srv.mu.Lock()
	defer s.srv.mu.Unlock()
	if s.srv.rejectRcpt[to] {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
	}
	s.cur.To = append(s.cur.To, to)
	return nil
}

func (s *relaySession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.srv.mu.Lock()
	defer s.srv.mu.Unlock()
	if s.srv.refuseData > 0 {
		s.srv.refuseData--
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	s.cur.Data = data
	s.srv.got = append(s.srv.got, s.cur)
	return nil
}

func startRelay(t *testing.T) (*relayServer, *outbound.Relay) {
	t.Helper()
	rec := &relayServer{rejectRcpt: map[string]bool{}}
	srv := smtp.NewServer(rec)
	srv.Domain = "relay.test"
	srv.AllowInsecureAuth = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	relay, err := outbound.ParseRelay("smtp://" + ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	relay.HelloName = "help.example.com"
	return rec, relay
}

func newSender(s *app.Services, relay *outbound.Relay) *outbound.Sender {
	return &outbound.Sender{DB: s.DB, Blobs: s.Blobs, Relay: relay, Log: slog.New(slog.DiscardHandler)}
}

func decodeBase64(t *testing.T, raw []byte) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(string(bytes.Join(bytes.Fields(raw), nil)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
