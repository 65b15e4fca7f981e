package inbound_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TestMailWithoutUsableFrom: a customer's mail whose From is missing or
// broken is not refused; the sender comes from Reply-To, Sender or
// Return-Path, and the ticket says so to the operators only.
func TestMailWithoutUsableFrom(t *testing.T) {
	tests := []struct{ name, head, sender, header string }{
		{"From missing, Reply-To", "Reply-To: Ines Duarte <ines@example.pt>\r\n", "ines@example.pt", "Reply-To"},
		{"From without address, Sender", "From: Ines Duarte\r\nSender: ines@example.pt\r\n", "ines@example.pt", "Sender"},
		{"From broken, Return-Path", "From: <ines at example.pt>\r\nReturn-Path: <ines@example.pt>\r\n", "ines@example.pt", "Return-Path"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		for i, tt := range tests {
			raw := tt.head + fmt.Sprintf("To: support@localhost\r\nSubject: Order %d\r\nMessage-ID: <nofrom-%d@example.pt>\r\n\r\nWhere is my order?\r\n", i, i)
			res := e.deliver([]byte(raw))
			if res.Status != inbound.StatusProcessed || !res.New {
				t.Fatalf("%s: %+v", tt.name, res)
			}
			tk, err := e.s.Tickets.Get(context.Background(), res.TicketID)
			if err != nil {
				t.Fatal(err)
			}
			if tk.Contact.Email != tt.sender {
				t.Errorf("%s: contact %q, want %q", tt.name, tk.Contact.Email, tt.sender)
			}
			note := "Sender taken from " + tt.header + ": the mail had no usable From."
			checkSystemNote(t, e, res.TicketID, note)
		}
	})
}

// TestHugeMailPartsCapped: a mail of more parts than are taken in keeps
// the first ones on the ticket and says how many were left out.
func TestHugeMailPartsCapped(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		var b strings.Builder
		b.WriteString("From: bulk@example.com\r\nTo: support@localhost\r\nSubject: Scans\r\n" +
			"Content-Type: multipart/mixed; boundary=p\r\n\r\n--p\r\n\r\nAll the scans.\r\n")
		for i := 0; i < 512; i++ {
			fmt.Fprintf(&b, "--p\r\nContent-Type: image/png; name=\"scan%d.png\"\r\n\r\npng %d\r\n", i, i)
		}
		b.WriteString("--p--\r\n")
		res := e.deliver([]byte(b.String()))
		if res.Status != inbound.StatusProcessed {
			t.Fatalf("%+v", res)
		}
		ms := e.messages(res.TicketID)
		if len(ms) == 0 || len(ms[0].Attachments) != 500 {
			t.Fatalf("want 500 attachments on the mail's message, got %d messages", len(ms))
		}
		checkSystemNote(t, e, res.TicketID, "12 parts of this mail were not taken in")
	})
}

// checkSystemNote finds note in a system message of the ticket that the
// customer's view does not show.
func checkSystemNote(t *testing.T, e *env, ticketID int64, note string) {
	t.Helper()
	found := false
	for _, m := range e.messages(ticketID) {
		found = found || m.Kind == ticket.System && strings.Contains(m.Body, note)
	}
	if !found {
		t.Errorf("no system message %q on the ticket", note)
	}
	public, err := e.s.Tickets.Messages(context.Background(), ticketID, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range public {
		if strings.Contains(m.Body, note) {
			t.Errorf("the customer sees the note %q", note)
		}
	}
}

// TestQuotedLocalPartSender: a sender whose address has a quoted local
// part ("Kim Lee"@example.kr) is a customer like any other.
func TestQuotedLocalPartSender(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		res := e.deliver([]byte("From: \"Kim Lee\"@example.kr (Kim Lee)\r\nTo: support@localhost\r\n" +
			"Subject: Refund\r\n\r\nPlease refund order 88.\r\n"))
		if res.Status != inbound.StatusProcessed || !res.New {
			t.Fatalf("%+v", res)
		}
		tk, err := e.s.Tickets.Get(context.Background(), res.TicketID)
		if err != nil {
			t.Fatal(err)
		}
		if tk.Contact.Email != `"kim lee"@example.kr` {
			t.Errorf("contact %q", tk.Contact.Email)
		}
	})
}
