package notification_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/notification"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func newOperator(t *testing.T, s *app.Services, name string, p notification.MailPreference) operator.Operator {
	t.Helper()
	op, err := s.Operators.Create(context.Background(), operator.NewOperator{Email: name + "@example.com", Name: name,
		Role: operator.Agent, Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Notifications.SetPreference(context.Background(), op.ID, p); err != nil {
		t.Fatal(err)
	}
	return op
}

// mails lists "kind|subject|body" of the outbox rows to email.
func mails(t *testing.T, d *db.DB, email string) []string {
	t.Helper()
	rows, err := d.Read.Query(`SELECT kind, subject, body_text FROM mail_outbox WHERE to_email = $1 ORDER BY id`, email)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k, s, b string
		if err := rows.Scan(&k, &s, &b); err != nil {
			t.Fatal(err)
		}
		out = append(out, k+"|"+s+"|"+b)
	}
	return out
}

func note(t *testing.T, s *app.Services, ticketID, author int64, body string) {
	t.Helper()
	if _, err := s.Tickets.AddMessage(context.Background(), ticketID, ticket.NewMessage{Kind: ticket.Note, Body: body,
		OperatorID: author}); err != nil {
		t.Fatal(err)
	}
}

// Each operator's choice is honoured: every time mails each mention at
// once, never mails nothing, the digest mails the unread ones once a day
// in one mail; the notices show in the app whatever the choice.
func TestMailPreferenceIsHonoured(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		boss := newOperator(t, s, "boss", notification.MailEvery)
		newOperator(t, s, "every", notification.MailEvery)
		daily := newOperator(t, s, "daily", notification.MailDigest)
		quiet := newOperator(t, s, "quiet", notification.MailNever)
		tk, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Broken printer", Description: "It jams.", Team: "support",
			Contact: contact.Identity{Email: "ada@example.com"}})
		if err != nil {
			t.Fatal(err)
		}
		note(t, s, tk.ID, boss.ID, "@every @daily @quiet @boss please look")
		if got := mails(t, d, "every@example.com"); len(got) != 1 || !strings.HasPrefix(got[0], "mention|boss mentioned you") {
			t.Errorf("every time: %q", got)
		}
		for _, who := range []string{"daily", "quiet", "boss"} {
			if got := mails(t, d, who+"@example.com"); len(got) != 0 {
				t.Errorf("%s was mailed at once: %q", who, got)
			}
		}
		for _, op := range []int64{daily.ID, quiet.ID} {
			if n, _ := s.Notifications.Unread(ctx, op); n != 1 {
				t.Errorf("operator %d has %d unread notices, want 1 whatever the mail", op, n)
			}
		}

		now := time.Now()
		if n, err := s.Notifications.SendDigests(ctx, now.Add(time.Hour)); err != nil || n != 0 {
			t.Fatalf("a digest went out within the day: %d (%v)", n, err)
		}
		note(t, s, tk.ID, boss.ID, "@daily and the toner")
		if n, err := s.Notifications.SendDigests(ctx, now.Add(25*time.Hour)); err != nil || n != 1 {
			t.Fatalf("after a day: %d digests (%v), want 1", n, err)
		}
		got := mails(t, d, "daily@example.com")
		if len(got) != 1 || !strings.HasPrefix(got[0], "digest|Frontdesk: 2 unread notifications|") ||
			strings.Count(got[0], "Broken printer: boss mentioned you") != 2 {
			t.Fatalf("the digest: %q", got)
		}
		if n, _ := s.Notifications.SendDigests(ctx, now.Add(26*time.Hour)); n != 0 || len(mails(t, d, "quiet@example.com")) != 0 {
			t.Errorf("a second digest the same day (%d), or mail to the one who chose never", n)
		}

		// A notice read in the app before the digest leaves it out; a day
		// with nothing unread sends nothing.
		note(t, s, tk.ID, boss.ID, "@daily one more")
		if err := s.Notifications.ReadAll(ctx, daily.ID); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.Notifications.SendDigests(ctx, now.Add(50*time.Hour)); n != 0 || len(mails(t, d, "daily@example.com")) != 1 {
			t.Errorf("a digest of read notices went out (%d)", n)
		}
		if err := s.Notifications.SetPreference(ctx, daily.ID, "sometimes"); testutil.Fields(err)["notify_mail"] == "" {
			t.Errorf("a bad choice: %v", err)
		}
	})
}
