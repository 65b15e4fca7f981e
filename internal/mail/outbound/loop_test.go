package outbound_test

import (
	"context"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestLoopProtection(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, op := setup(t, d)
		ctx := context.Background()
		suppressed := func(t *testing.T, m outbound.Mail, reason string) {
			t.Helper()
			if m.Status != outbound.Suppressed || !strings.Contains(m.LastError, reason) {
				t.Errorf("%s mail to %s: status %s, reason %q; want suppressed for %q", m.Kind, m.To.Email, m.Status, m.LastError, reason)
			}
		}
		t.Run("auto-submitted trigger", func(t *testing.T) {
			tk := mailTicket(t, s, "vacation@example.com", &ticket.MailHeaders{MessageID: "ooo@example.com", AutoSubmitted: true})
			suppressed(t, outbox(t, s, tk.ID)[0], "automatic")
			// A person's reply still goes out.
			reply(t, s, tk.ID, op.ID, ticket.Reply, "Hello")
			if m := outbox(t, s, tk.ID)[1]; m.Status != outbound.Queued {
				t.Errorf("reply to an auto-submitted sender: %s %q", m.Status, m.LastError)
			}
		})
		t.Run("machine addresses", func(t *testing.T) {
			for _, a := range []string{"MAILER-DAEMON@example.com", "postmaster@example.com", "no-reply@shop.example",
				"noreply+orders@shop.example"} {
				tk := mailTicket(t, s, a, nil)
				suppressed(t, outbox(t, s, tk.ID)[0], "machine address")
			}
		})
		t.Run("bouncing", func(t *testing.T) {
			tk := mailTicket(t, s, "gone@example.com", nil)
			s.Outbox.Participants = ccList{tk.ID: {{Email: "alsogone@example.com"}, {Email: "fine@example.com"}}}
			defer func() { s.Outbox.Participants = nil }()
			if _, err := d.Write.Exec(`UPDATE contact_emails SET bouncing = TRUE WHERE email = 'gone@example.com'`); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Contacts.Create(ctx, contact.Identity{Email: "alsogone@example.com"}, contact.Patch{}); err != nil {
				t.Fatal(err)
			}
			if _, err := d.Write.Exec(`UPDATE contact_emails SET bouncing = TRUE WHERE email = 'alsogone@example.com'`); err != nil {
				t.Fatal(err)
			}
			reply(t, s, tk.ID, op.ID, ticket.Reply, "Can you hear me?")
			suppressed(t, outbox(t, s, tk.ID)[1], "bouncing")
			// Nor does an acknowledgement of a new ticket.
			again := mailTicket(t, s, "gone@example.com", nil)
			suppressed(t, outbox(t, s, again.ID)[0], "bouncing")
			other := mailTicket(t, s, "here@example.com", nil)
			s.Outbox.Participants = ccList{other.ID: {{Email: "alsogone@example.com"}, {Email: "fine@example.com"}}}
			reply(t, s, other.ID, op.ID, ticket.Reply, "Hi all")
			m := outbox(t, s, other.ID)[1]
			if m.Status != outbound.Queued || len(m.Cc) != 1 || m.Cc[0].Email != "fine@example.com" {
				t.Errorf("a bouncing Cc must be dropped, the rest sent: %s %+v", m.Status, m.Cc)
			}
		})
		t.Run("per recipient limit", func(t *testing.T) {
			var last outbound.Mail
			for i := 0; i < 11; i++ {
				tk := mailTicket(t, s, "chatty@example.com", nil)
				last = outbox(t, s, tk.ID)[0]
				if i < 10 && last.Status != outbound.Queued {
					t.Fatalf("mail %d: %s %q", i+1, last.Status, last.LastError)
				}
			}
			suppressed(t, last, "already got 10 automatic mails")
		})
	})
}

// Two Frontdesk installs acknowledge each other's mail: A's "received" mail
// opens a ticket at B, whose acknowledgement would open one at A, and so on.
// The Auto-Submitted header we put on automatic mail ends it at once.
func TestTwoTeamsAcknowledgingEachOtherStop(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, _ := setup(t, d)
		ctx := context.Background()
		name, slug := "Sales", "sales"
		support, _ := s.Teams.Find(ctx, d.Read, "support")
		if _, err := s.Teams.Create(ctx, team.Input{Name: &name, Slug: &slug}, support.PipelineID); err != nil {
			t.Fatal(err)
		}
		open := func(teamSlug, from string, h *ticket.MailHeaders) []outbound.Mail {
			tk, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Hello", Team: teamSlug, Description: "x",
				Channel: ticket.Email, Mail: h, Contact: contact.Identity{Email: from}})
			if err != nil {
				t.Fatal(err)
			}
			return outbox(t, s, tk.ID)
		}
		// Someone at sales wrote to support; support acknowledges to sales.
		mails := open("support", "sales@localhost", &ticket.MailHeaders{MessageID: "start@x"})
		teams := [2]string{"sales", "support"}
		rounds := 0
		for ; len(mails) == 1 && mails[0].Status == outbound.Queued; rounds++ {
			if rounds > 20 {
				t.Fatal("the teams keep acknowledging each other")
			}
			raw, err := outbound.Build(mails[0], nil)
			if err != nil {
				t.Fatal(err)
			}
			auto := strings.Contains(string(raw), "\r\nAuto-Submitted: auto-replied\r\n")
			// The mail arrives at the team it was sent to, from the other.
			to, from := teams[rounds%2], teams[(rounds+1)%2]+"@localhost"
			mails = open(to, from, &ticket.MailHeaders{MessageID: mails[0].MailMessageID, AutoSubmitted: auto})
		}
		if rounds != 1 {
			t.Errorf("stopped after %d acknowledgements, want 1", rounds)
		}
	})
}
