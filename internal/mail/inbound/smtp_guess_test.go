package inbound_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/server"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// openTicket opens a ticket whose reply address the tests write to.
func (e *env) openTicket() ticket.Ticket {
	e.t.Helper()
	tk, err := e.s.Tickets.Create(context.Background(), ticket.NewTicket{Subject: "Printer", Team: "support",
		Description: "It prints blank pages.", Channel: ticket.WebForm,
		Contact: contact.Identity{Email: "pat@example.com", FirstName: "Pat"}})
	if err != nil {
		e.t.Fatal(err)
	}
	return tk
}

// A RCPT to support+TOKEN says whether TOKEN is a ticket, so a sender
// runs out of guesses like a browser on /t/: after the budget even a real
// reply address gets a temporary 450, which an honest server retries.
func TestReplyAddressGuessesAreLimited(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.openTicket()
		c := dial(t, e.listen(inbound.SMTPConfig{Domain: "mx.test"}))
		real := "support+" + tk.PublicToken + "@localhost"
		for i := range 3 { // a server delivering replies never runs out
			if code := send(t, c, "pat@example.com", []string{real}, mailText("pat@example.com", "more", "Still blank.")); code != 0 {
				t.Fatalf("reply %d refused: %d", i, code)
			}
		}
		for i := range app.TokenGuessBurst {
			if code := send(t, c, "eve@example.com", []string{"support+" + ticket.NewToken() + "@localhost"}, "x"); code != 550 {
				t.Fatalf("guess %d: %d, want 550", i, code)
			}
		}
		if code := send(t, c, "eve@example.com", []string{real}, "x"); code != 450 {
			t.Errorf("a reply address after the guesses ran out: %d, want 450 (try again later)", code)
		}
		if code := send(t, c, "eve@example.com", []string{"support@localhost"}, mailText("eve@example.com", "hi", "Hello.")); code != 0 {
			t.Errorf("the team's alias, which names no ticket, was refused too: %d", code)
		}
	})
}

// The web's token lookups and the SMTP listener spend one budget per
// address: guessing on /t/ first gains nothing over SMTP.
func TestWebAndSMTPShareTheGuesses(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.openTicket()
		h := server.Handler(e.s, slog.New(slog.NewTextHandler(io.Discard, nil)))
		for i := range app.TokenGuessBurst {
			req := httptest.NewRequest(http.MethodGet, "/t/"+ticket.NewToken(), nil)
			req.RemoteAddr = "127.0.0.1:40000" // where the SMTP client below connects from
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusNotFound {
				t.Fatalf("web guess %d: %d", i, rec.Code)
			}
		}
		c := dial(t, e.listen(inbound.SMTPConfig{Domain: "mx.test"}))
		if code := send(t, c, "eve@example.com", []string{"support+" + tk.PublicToken + "@localhost"}, "x"); code != 450 {
			t.Errorf("SMTP after the web guesses: %d, want 450", code)
		}
	})
}
