package inbound_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// newOutboxEnv is newEnv with the real outbox behind the tickets, so
// replies are queued as mails with their own Message-IDs.
func newOutboxEnv(t *testing.T, d *db.DB) *env {
	e := newEnv(t, d)
	e.s.Tickets.Notifier = e.s.Outbox
	return e
}

// reply answers ticket id as the operator and returns the queued mail.
func (e *env) reply(id int64) outbound.Mail {
	e.t.Helper()
	ctx := context.Background()
	if _, err := e.s.Tickets.AddMessage(ctx, id, ticket.NewMessage{Kind: ticket.Reply, OperatorID: e.agent.ID,
		Body: "We are on it."}); err != nil {
		e.t.Fatal(err)
	}
	mails, err := e.s.Outbox.ForTicket(ctx, id)
	if err != nil || len(mails) == 0 {
		e.t.Fatalf("outbox of ticket %d: %v, %v", id, mails, err)
	}
	return mails[len(mails)-1]
}

// dsn is a delivery report from daemon saying mail to rcpt failed, with
// the headers of the returned mail naming messageID.
func dsn(daemon, rcpt, messageID string) []byte {
	return []byte(strings.ReplaceAll(fmt.Sprintf(`From: Mail Delivery System <%s>
To: support@localhost
Subject: Undelivered Mail Returned to Sender
Message-ID: <dsn-%s-%s>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

--dsn
Content-Type: text/plain

Your message could not be delivered.
--dsn
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example

Final-Recipient: rfc822; %s
Action: failed
Status: 5.2.2
Diagnostic-Code: smtp; 552 5.2.2 mailbox full

--dsn
Content-Type: text/rfc822-headers

From: support@localhost
To: %s
Subject: Re: Printer on fire
Message-ID: <%s>

--dsn--
`, daemon, rcpt, messageID, rcpt, rcpt, messageID), "\n", "\r\n"))
}

// TestForgedBounceDoesNotSilenceTheCustomer: anyone can write a delivery
// report; only one about a mail we sent to the address marks it bouncing
// and stops the replies to it.
func TestForgedBounceDoesNotSilenceTheCustomer(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		e := newOutboxEnv(t, d)
		first := e.deliver(e.mail("first.eml"))
		e.deliver(e.mail("with-attachment.eml")) // dave, a contact of another ticket
		sent := e.reply(first.TicketID)
		const alice = "alice@customer.example"
		forged := []struct{ name, daemon, rcpt, id string }{
			{"a Message-ID we never sent", "mailer-daemon@evil.example", alice, "made-up-1@evil.example"},
			{"our mail, to someone else", "mailer-daemon@evil.example", "dave@customer.example", sent.MailMessageID},
		}
		for _, f := range forged {
			res := e.deliver(dsn(f.daemon, f.rcpt, f.id))
			if res.Status != inbound.StatusIgnored || !strings.HasPrefix(res.Reason, inbound.UnmatchedBounce) {
				t.Errorf("%s: %+v, want an unmatched bounce", f.name, res)
			}
			if bouncing, err := contact.IsBouncing(ctx, d.Read, f.rcpt); err != nil || bouncing {
				t.Errorf("%s: %s bouncing = %v, %v", f.name, f.rcpt, bouncing, err)
			}
			if raw, err := e.in.Raw(ctx, res.RawID); err != nil || len(raw) == 0 {
				t.Errorf("%s: the raw mail is not kept: %v", f.name, err)
			}
		}
		if next := e.reply(first.TicketID); next.Status != outbound.Queued {
			t.Errorf("reply after forged bounces: %s (%s), want queued", next.Status, next.LastError)
		}

		res := e.deliver(dsn("mailer-daemon@mx.customer.example", alice, sent.MailMessageID))
		if res.Status != inbound.StatusProcessed || res.TicketID != first.TicketID {
			t.Fatalf("real bounce: %+v", res)
		}
		if next := e.reply(first.TicketID); next.Status != outbound.Suppressed {
			t.Errorf("reply after a real bounce: %s, want suppressed", next.Status)
		}
		tk, _ := e.s.Tickets.Get(ctx, first.TicketID)
		c, err := e.s.Contacts.Get(ctx, tk.Contact.ID)
		if err != nil || len(c.Bounces) != 1 || c.Bounces[0].Email != alice ||
			!strings.Contains(c.Bounces[0].Reason, "mailbox full") || c.Bounces[0].At.IsZero() {
			t.Fatalf("contact bounces = %+v, %v", c.Bounces, err)
		}
		if err := e.s.Contacts.ClearBounce(ctx, c.ID, alice); err != nil {
			t.Fatal(err)
		}
		if next := e.reply(first.TicketID); next.Status != outbound.Queued {
			t.Errorf("reply after clearing the bounce: %s (%s), want queued", next.Status, next.LastError)
		}
		if err := e.s.Contacts.ClearBounce(ctx, c.ID, alice); err == nil {
			t.Error("clearing an address that does not bounce succeeded")
		}
	})
}
