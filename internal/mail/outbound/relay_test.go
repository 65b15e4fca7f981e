package outbound_test

import (
	"bytes"
	"encoding/base64"
	"log/slog"
	"net"
	"testing"

	"github.com/emersion/go-smtp"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func startRelay(t *testing.T) (*testutil.Relay, *outbound.Relay) {
	t.Helper()
	rec := &testutil.Relay{}
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
