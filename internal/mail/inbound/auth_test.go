package inbound_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/emersion/go-msgauth/dkim"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/auth"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TestSpoofedOperatorMailIsNeverAnAnswer: a mail "from" an operator of a
// domain with a DMARC policy that it fails goes on the ticket as a
// customer's message, with the failure shown, and nothing is sent to the
// customer; the operator's real, signed mail is their answer.
func TestSpoofedOperatorMailIsNeverAnAnswer(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		e := newOutboxEnv(t, d)
		pub, key, _ := ed25519.GenerateKey(rand.Reader)
		e.in.Auth = &auth.Checker{Resolver: auth.Table{
			"sel._domainkey.desk.example": {"v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)},
			"_dmarc.desk.example":         {"v=DMARC1; p=reject"},
			"desk.example":                {"v=spf1 ip4:192.0.2.10 -all"},
		}}
		if _, err := e.s.Operators.Create(ctx, operator.NewOperator{Email: "boss@desk.example", Name: "Boss",
			Role: operator.Agent, Password: "correct horse battery"}); err != nil {
			t.Fatal(err)
		}
		first := e.start()
		rcpt := "support+" + e.token + "@localhost"
		answer := func(text string) []byte {
			return []byte(strings.ReplaceAll("From: Boss <boss@desk.example>\nTo: <"+rcpt+">\n"+
				"Subject: Re: Printer on fire\nMessage-ID: <"+text[:5]+"@desk.example>\n\n"+text+"\n", "\n", "\r\n"))
		}
		send := func(raw []byte, ip string) inbound.Result {
			a, err := e.in.Accept(ctx, raw, inbound.Source{Kind: inbound.SourceSMTP, EnvelopeFrom: "boss@desk.example",
				EnvelopeTo: []string{rcpt}, ClientIP: ip, Helo: "mx.example"})
			if err != nil {
				t.Fatal(err)
			}
			res, err := e.in.Process(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		forged := send(answer("Forged: your refund is denied, pay to this account."), "203.0.113.66")
		var signed bytes.Buffer
		if err := dkim.Sign(&signed, bytes.NewReader(answer("Real: the refund is on its way.")),
			&dkim.SignOptions{Domain: "desk.example", Selector: "sel", Signer: key}); err != nil {
			t.Fatal(err)
		}
		real := send(signed.Bytes(), "203.0.113.66") // DKIM passes, from a client SPF does not list

		results, err := auth.ForTicket(ctx, d.Read, first.TicketID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name    string
			res     inbound.Result
			kind    ticket.MessageKind
			summary string
		}{
			{"forged", forged, ticket.Customer, "DKIM none · SPF fail · DMARC fail"},
			{"signed", real, ticket.Reply, "DKIM pass · SPF fail · DMARC pass"},
		} {
			if c.res.TicketID != first.TicketID {
				t.Errorf("%s: %+v, want it on ticket %d", c.name, c.res, first.TicketID)
				continue
			}
			m := e.message(first.TicketID, c.res.MessageID)
			if m.Kind != c.kind {
				t.Errorf("%s: a %s, want a %s", c.name, m.Kind, c.kind)
			}
			if got := results[c.res.MessageID].Summary(); got != c.summary {
				t.Errorf("%s: checks %q, want %q", c.name, got, c.summary)
			}
		}
		if !strings.Contains(results[forged.MessageID].Detail, "boss@desk.example") {
			t.Errorf("the forged mail's detail does not say whose From it claimed: %s", results[forged.MessageID].Detail)
		}
		mails, _ := e.s.Outbox.ForTicket(ctx, first.TicketID)
		for _, m := range mails {
			if m.Kind == outbound.Reply && strings.Contains(m.Text, "Forged") {
				t.Errorf("the forged answer was queued to %s", m.To.Email)
			}
		}
		if len(mails) == 0 || !strings.Contains(mails[len(mails)-1].Text, "Real:") {
			t.Error("the operator's real answer was not sent on to the customer")
		}
	})
}
