package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/auth"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// TestTicketShowsMailChecks: each customer mail shows what DKIM, SPF and
// DMARC said, marked when the sender's domain does not vouch for it.
func TestTicketShowsMailChecks(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		e.s.Mail.Auth = &auth.Checker{Resolver: auth.Table{"_dmarc.bank.example": {"v=DMARC1; p=reject"},
			"bank.example": {"v=spf1 ip4:192.0.2.1 -all"}}}
		raw := "From: <ceo@bank.example>\r\nTo: support@localhost\r\nSubject: Wire money\r\n\r\nUrgent.\r\n"
		a, err := e.s.Mail.Accept(ctx, []byte(raw), inbound.Source{Kind: inbound.SourceSMTP,
			EnvelopeFrom: "ceo@bank.example", ClientIP: "203.0.113.9", Helo: "x"})
		if err != nil {
			t.Fatal(err)
		}
		res, err := e.s.Mail.Process(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.s.Tickets.Get(ctx, res.TicketID)
		if err != nil {
			t.Fatal(err)
		}
		expect(t, "ticket", e.get(fmt.Sprintf("/tickets/%d", got.Number), http.StatusOK),
			[]string{`checks-badge checks-bad`, "DKIM none · SPF fail · DMARC fail",
				"DMARC: fail, no passing DKIM or SPF aligned with bank.example"}, nil)
		other := e.openFor("Typed in the app", 0, ada)
		expect(t, "a ticket not from mail", e.get(fmt.Sprintf("/tickets/%d", other.Number), http.StatusOK),
			nil, []string{"checks-badge"})
	})
}
