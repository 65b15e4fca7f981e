package inbound_test

import (
	"context"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TestThreadingMatrix files the testdata mails in order against one
// ticket and checks where each one lands.
func TestThreadingMatrix(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		first := e.start()
		msgs := e.messages(first.TicketID)
		if !strings.Contains(msgs[0].BodyHTML, "<b>on fire</b>") || strings.Contains(msgs[0].BodyHTML, "script") ||
			strings.Contains(msgs[0].BodyHTML, "tracker.example") {
			t.Errorf("first message HTML not sanitised as expected: %s", msgs[0].BodyHTML)
		}
		cases := []struct {
			file     string
			joins    bool   // lands on the first ticket
			status   string // default processed
			kind     ticket.MessageKind
			contains string
		}{
			{file: "gmail-reply.eml", joins: true, kind: ticket.Customer, contains: "fire is out"},
			{file: "outlook-reply.eml", joins: true, kind: ticket.Customer, contains: "smokes again"},
			{file: "outlook-token-only.eml", joins: true, kind: ticket.Customer, contains: "LaserJet"},
			{file: "apple-reply.eml", joins: true, kind: ticket.Customer, contains: "photo"},
			{file: "reply-all-cc.eml", joins: true, kind: ticket.Customer, contains: "Adding Bob"},
			{file: "subject-token.eml", joins: true, kind: ticket.Customer, contains: "12345"},
			{file: "forwarded.eml", joins: false},
			{file: "newsletter-stranger.eml", joins: false},
			{file: "reply-address.eml", joins: true, kind: ticket.Customer, contains: "this address"},
			{file: "operator-reply.eml", joins: true, kind: ticket.Reply, contains: "model number"},
			{file: "auto-reply.eml", joins: true, kind: ticket.Customer, contains: "out of the office"},
			{file: "own-mail.eml", status: inbound.StatusIgnored},
			// An operator's From with only the (guessable) number: not a reply on the ticket.
			{file: "operator-subject-only.eml", joins: false},
		}
		for _, c := range cases {
			res := e.deliver(e.mail(c.file))
			want := c.status
			if want == "" {
				want = inbound.StatusProcessed
			}
			if res.Status != want {
				t.Errorf("%s: status %q (%s), want %q", c.file, res.Status, res.Reason, want)
				continue
			}
			if want != inbound.StatusProcessed {
				continue
			}
			if got := res.TicketID == first.TicketID; got != c.joins || res.New == c.joins {
				t.Errorf("%s: ticket %d new=%v, joins first ticket %d = %v, want %v", c.file, res.TicketID, res.New,
					first.TicketID, got, c.joins)
			}
			if !c.joins {
				continue
			}
			ms := e.messages(first.TicketID)
			last := ms[len(ms)-1]
			if last.ID != res.MessageID || last.Kind != c.kind || !strings.Contains(last.Body, c.contains) {
				t.Errorf("%s: last message %+v, want a %s with %q", c.file, last, c.kind, c.contains)
			}
		}
		if n := len(e.messages(first.TicketID)); n != 11 {
			t.Errorf("first ticket has %d messages, want 11 (first, reply, 9 threaded mails)", n)
		}
		people, err := ticket.Participants(context.Background(), d.Read, first.TicketID)
		if err != nil {
			t.Fatal(err)
		}
		var emails []string
		for _, p := range people {
			emails = append(emails, p.Email)
		}
		if got := strings.Join(emails, ","); got != "bob@customer.example,carol@elsewhere.example" {
			t.Errorf("participants = %s, want bob and carol (not the contact, not us, not the operator)", got)
		}
	})
}

func TestLoopProtectionFlagsMachineMail(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.start()
		for file, auto := range map[string]bool{"gmail-reply.eml": false, "auto-reply.eml": true,
			"newsletter-stranger.eml": true} {
			e.deliver(e.mail(file))
			n := e.heard.last()
			if n.Mail == nil || n.Mail.AutoSubmitted != auto {
				t.Errorf("%s: notice mail headers %+v, want AutoSubmitted=%v", file, n.Mail, auto)
			}
		}
		raw := strings.Replace(string(e.mail("forwarded.eml")), "alice@customer.example>", "x>", 0)
		raw = strings.Replace(raw, "From: Alice Smith <alice@customer.example>", "From: <noreply@shop.example>", 1)
		e.deliver([]byte(raw))
		if n := e.heard.last(); n.Mail == nil || !n.Mail.AutoSubmitted {
			t.Errorf("noreply sender not flagged: %+v", n.Mail)
		}
	})
}

func TestBounceMarksAddressAndTellsTicket(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newOutboxEnv(t, d)
		first := e.start()
		e.sent = e.reply(first.TicketID).MailMessageID
		res := e.deliver(e.mail("bounce.eml"))
		if res.Status != inbound.StatusProcessed || res.TicketID != first.TicketID || res.New {
			t.Fatalf("bounce: %+v", res)
		}
		ms := e.messages(first.TicketID)
		last := ms[len(ms)-1]
		if last.Kind != ticket.System || !strings.Contains(last.Body, "alice@customer.example") ||
			!strings.Contains(last.Body, "mailbox full") {
			t.Errorf("bounce message = %+v", last)
		}
		bouncing, err := contact.IsBouncing(context.Background(), d.Read, "alice@customer.example")
		if err != nil || !bouncing {
			t.Errorf("alice bouncing = %v, %v", bouncing, err)
		}
		e.deliver(e.mail("gmail-reply.eml"))
		if bouncing, _ := contact.IsBouncing(context.Background(), d.Read, "alice@customer.example"); bouncing {
			t.Error("alice still bouncing after she wrote again")
		}
		public, _ := e.s.Tickets.Messages(context.Background(), first.TicketID, true)
		for _, m := range public {
			if m.Kind == ticket.System {
				t.Error("the bounce notice is visible to the customer")
			}
		}
	})
}

func TestPlainBounceNeverOpensATicket(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newOutboxEnv(t, d)
		first := e.start()
		e.sent = e.reply(first.TicketID).MailMessageID
		res := e.deliver(e.mail("plain-bounce.eml"))
		if res.Status != inbound.StatusProcessed || res.TicketID != first.TicketID || res.New {
			t.Fatalf("plain bounce: %+v", res)
		}
		ms := e.messages(first.TicketID)
		if last := ms[len(ms)-1]; last.Kind != ticket.System || !strings.Contains(last.Body, "no mailbox here") {
			t.Errorf("plain bounce message = %+v", last)
		}
		res = e.deliver(e.mail("daemon-stranger.eml"))
		if res.Status != inbound.StatusIgnored || res.TicketID != 0 {
			t.Errorf("daemon mail about nothing we sent: %+v", res)
		}
	})
}

func TestDuplicateDeliveryIsOneMessage(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		first := e.start()
		raw := e.mail("gmail-reply.eml")
		e.deliver(raw)
		before := len(e.messages(first.TicketID))
		a, err := e.in.Accept(context.Background(), raw, inbound.Source{Kind: inbound.SourceSMTP})
		if err != nil || !a.Duplicate {
			t.Errorf("same bytes again: %+v %v, want a duplicate", a, err)
		}
		// The same mail by another route: new trace headers, same Message-ID and body.
		res := e.deliver(append([]byte("Received: from relay2.example by mx.example\r\n"), raw...))
		if res.Status != inbound.StatusIgnored || !strings.Contains(res.Reason, "duplicate") {
			t.Errorf("copy by another route: %+v", res)
		}
		// Processing an already processed mail again changes nothing.
		if _, err := e.in.Process(context.Background(), a.ID); err != nil {
			t.Fatal(err)
		}
		if after := len(e.messages(first.TicketID)); after != before {
			t.Errorf("messages %d -> %d after duplicate deliveries", before, after)
		}
	})
}

func TestReplyToClosedTicketReopens(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		first := e.start()
		ctx := context.Background()
		if _, err := e.s.Tickets.Update(ctx, first.TicketID, ticket.Patch{Status: testutil.Ptr("Closed")}); err != nil {
			t.Fatal(err)
		}
		e.deliver(e.mail("gmail-reply.eml"))
		tk, err := e.s.Tickets.Get(ctx, first.TicketID)
		if err != nil || !tk.IsOpen() {
			t.Errorf("ticket after customer reply: open=%v %v", tk.IsOpen(), err)
		}
	})
}

func TestAttachmentsAndFailures(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		res := e.deliver(e.mail("with-attachment.eml"))
		ms := e.messages(res.TicketID)
		if len(ms) != 1 || len(ms[0].Attachments) != 1 {
			t.Fatalf("messages %+v", ms)
		}
		a := ms[0].Attachments[0]
		if a.Filename != "shot.png" || !a.Inline || a.ContentID != "shot1@customer.example" || a.Size != 70 {
			t.Errorf("attachment %+v", a)
		}
		if !strings.Contains(ms[0].BodyHTML, `src="cid:shot1@customer.example"`) {
			t.Errorf("inline image reference dropped: %s", ms[0].BodyHTML)
		}
		plain := e.deliver([]byte("From: eve@example.com\r\nTo: support@localhost\r\nSubject: tags\r\n\r\n" +
			"<script>alert(1)</script> & <b>not bold</b>\r\n"))
		if html := e.messages(plain.TicketID)[0].BodyHTML; strings.Contains(html, "<script") || strings.Contains(html, "<b>") ||
			!strings.Contains(html, "&lt;script&gt;") {
			t.Errorf("plain text mail rendered as %q, want its text escaped", html)
		}
		bad := e.deliver(e.mail("no-sender.eml"))
		if bad.Status != inbound.StatusFailed || !strings.Contains(bad.Reason, "From") {
			t.Errorf("mail without sender: %+v", bad)
		}
	})
}
