package outbound_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestReceivedReplyAndClosedMailsAreQueuedWithTheChange(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, op := setup(t, d)
		ctx := context.Background()
		tk := mailTicket(t, s, "Ada@Example.com", &ticket.MailHeaders{MessageID: "first@customer.example"})
		s.Outbox.Participants = ccList{tk.ID: {{Name: "Bob", Email: "bob@example.com"}, {Email: "ada@example.com"}}}
		got := outbox(t, s, tk.ID)
		if len(got) != 1 {
			t.Fatalf("after creation: %d mails, want the received mail", len(got))
		}
		rc := got[0]
		wantSubject := "[#" + itoa(tk.Number) + "] We received your request: Parcel lost"
		if rc.Kind != outbound.Received || !rc.Automatic || rc.Status != outbound.Queued || rc.To.Email != "ada@example.com" ||
			rc.Subject != wantSubject || !strings.Contains(rc.Text, tk.PublicURL) || len(rc.Cc) != 0 ||
			rc.ReplyTo != "support+"+tk.PublicToken+"@localhost" || rc.From.Name != "Support" ||
			rc.InReplyTo != "first@customer.example" || !strings.HasSuffix(rc.MailMessageID, "@help.example.com") {
			t.Errorf("received mail = %+v", rc)
		}

		msg := reply(t, s, tk.ID, op.ID, ticket.Reply, "We sent a new parcel <today>.")
		got = outbox(t, s, tk.ID)
		if len(got) != 2 {
			t.Fatalf("after the reply: %d mails", len(got))
		}
		rp := got[1]
		if rp.Kind != outbound.Reply || rp.Automatic || rp.MessageID != msg.ID || !strings.HasPrefix(rp.Subject, "Re: [#") ||
			!strings.Contains(rp.Text, "We sent a new parcel <today>.") || !strings.Contains(rp.Text, "Grace Hopper") ||
			!strings.Contains(rp.HTML, "We sent a new parcel &lt;today&gt;.") || len(rp.Cc) != 1 ||
			rp.Cc[0].Email != "bob@example.com" || rp.InReplyTo != "first@customer.example" {
			t.Errorf("reply mail = %+v", rp)
		}
		var stored string
		if err := d.Read.QueryRowContext(ctx, `SELECT mail_message_id FROM messages WHERE id = $1`, msg.ID).Scan(&stored); err != nil || stored != rp.MailMessageID {
			t.Errorf("the reply's message row has Message-ID %q (%v), the mail %q", stored, err, rp.MailMessageID)
		}

		reply(t, s, tk.ID, op.ID, ticket.Reply, "And here is the tracking number.")
		third := outbox(t, s, tk.ID)[2]
		if third.InReplyTo != rp.MailMessageID || strings.Join(third.References, " ") != "first@customer.example "+rp.MailMessageID {
			t.Errorf("second reply threads as %q / %v", third.InReplyTo, third.References)
		}

		if _, err := s.Tickets.Update(ctx, tk.ID, ticket.Patch{Status: testutil.Ptr("Closed")}); err != nil {
			t.Fatal(err)
		}
		got = outbox(t, s, tk.ID)
		if len(got) != 4 || got[3].Kind != outbound.Closed || !got[3].Automatic || !strings.Contains(got[3].Subject, "Closed: Parcel lost") {
			t.Errorf("after closing: %+v", got)
		}
		// The closed mail carries the one-click rating links, signed for
		// this ticket, in text and HTML.
		full, _ := s.Tickets.Get(ctx, tk.ID)
		link := "/rate/" + ticket.RatingToken(tk.ID, full.PublicToken) + "?r="
		for _, face := range []string{"satisfied", "okay", "dissatisfied"} {
			if len(got) == 4 && (!strings.Contains(got[3].Text, link+face) || !strings.Contains(got[3].HTML, link+face)) {
				t.Errorf("the closed mail lacks the %s link %s:\n%s", face, link, got[3].Text)
			}
		}
	})
}

func TestNotesAndSystemMessagesNeverBecomeMail(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, op := setup(t, d)
		tk := mailTicket(t, s, "ada@example.com", nil)
		before := len(outbox(t, s, tk.ID))
		note := reply(t, s, tk.ID, op.ID, ticket.Note, "SECRET: customer is a known fraudster")
		reply(t, s, tk.ID, 0, ticket.System, "SYSTEM: moved to billing")
		if got := outbox(t, s, tk.ID); len(got) != before {
			t.Fatalf("a note or system message queued mail: %+v", got[before:])
		}
		var id *string
		if err := d.Read.QueryRow(`SELECT mail_message_id FROM messages WHERE id = $1`, note.ID).Scan(&id); err != nil || id != nil {
			t.Errorf("the note got a Message-ID %v (%v)", id, err)
		}
		reply(t, s, tk.ID, op.ID, ticket.Reply, "Public answer.")
		for _, m := range outbox(t, s, tk.ID) {
			if strings.Contains(m.Text+m.HTML+m.Subject, "SECRET") || strings.Contains(m.Text+m.HTML, "SYSTEM") {
				t.Errorf("mail %d carries internal text", m.ID)
			}
		}
	})
}

func TestReceivedMailOnlyForCustomerChannelsAndWhenSwitchedOn(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, _ := setup(t, d)
		ctx := context.Background()
		for _, ch := range []ticket.Channel{ticket.API, ticket.Manual, ticket.Chat} {
			tk, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: "By " + string(ch), Team: "support",
				Description: "x", Channel: ch, Contact: contact.Identity{Email: "ada@example.com"}})
			if err != nil {
				t.Fatal(err)
			}
			if got := outbox(t, s, tk.ID); len(got) != 0 {
				t.Errorf("channel %s sent %+v", ch, got)
			}
		}
		for _, ch := range []ticket.Channel{ticket.WebForm, ticket.Widget} {
			tk, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: "By " + string(ch), Team: "support",
				Description: "x", Channel: ch, Contact: contact.Identity{Email: "eve@example.com"}})
			if err != nil {
				t.Fatal(err)
			}
			if got := outbox(t, s, tk.ID); len(got) != 1 || got[0].Kind != outbound.Received {
				t.Errorf("channel %s: %+v", ch, got)
			}
		}
		// The received mail is the team's rule: switched off there, it stays.
		team, _ := s.Teams.Find(ctx, d.Read, "support")
		if err := s.Automations.SetPresetEnabled(ctx, team.ID, "received_mail", false); err != nil {
			t.Fatal(err)
		}
		tk := mailTicket(t, s, "zoe@example.com", nil)
		if got := outbox(t, s, tk.ID); len(got) != 0 {
			t.Errorf("switched off, yet %+v", got)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
