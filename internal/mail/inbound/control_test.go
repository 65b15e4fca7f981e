package inbound_test

import (
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// An honest mail with NUL and other control characters in its body,
// subject or sender's name is filed, not refused or lost: the characters
// PostgreSQL cannot store are dropped and the rest of the text kept.
func TestMailWithControlCharactersIsFiled(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		raw := "From: \"Nul\x00 Sender\" <nul@example.com>\r\nTo: support@localhost\r\nSubject: Printer\x00 jams\x07\r\n" +
			"Message-ID: <nul-1@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
			"The printer\x00 jams\x1b on page 2.\r\nSecond line\tafter a tab.\r\n"
		res := e.deliver([]byte(raw))
		if res.Status != inbound.StatusProcessed {
			t.Fatalf("mail with NUL: %+v", res)
		}
		msgs := e.messages(res.TicketID)
		body := msgs[0].Body
		if !strings.Contains(body, "The printer jams on page 2.") || !strings.Contains(body, "Second line\tafter a tab.") {
			t.Errorf("body = %q, want the text without the control characters", body)
		}
		tk, err := e.s.Tickets.Get(t.Context(), res.TicketID)
		if err != nil || tk.Subject != "Printer jams" || strings.ContainsRune(tk.Contact.Name, 0) {
			t.Errorf("ticket = %q by %q (%v)", tk.Subject, tk.Contact.Name, err)
		}
	})
}
