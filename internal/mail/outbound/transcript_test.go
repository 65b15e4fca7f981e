package outbound_test

import (
	"context"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A visitor asks for their chat's transcript: the mail is queued in the
// outbox for the chat (no ticket), carries the public messages only, and
// the sender delivers it through the relay like any other mail.
func TestChatTranscriptIsQueuedAndSent(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, op := setup(t, d)
		ctx := context.Background()
		tm, err := s.Teams.Find(ctx, d.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Teams.Update(ctx, tm.ID, team.Input{Channels: &team.Channels{Email: true, LiveChat: true}}); err != nil {
			t.Fatal(err)
		}
		ch, err := s.Chats.ChannelBySlug(ctx, "support")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Chats.Join(ctx, ch.ID, op.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Chats.SetAvailability(ctx, op.ID, chat.Online); err != nil {
			t.Fatal(err)
		}
		c, _, err := s.Chats.Start(ctx, chat.NewChat{Channel: "support", VisitorKey: "v-1", Name: "Sam",
			Message: "Where is my parcel? <script>x</script>"})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range []chat.NewMessage{
			{ChatID: c.ID, Author: chat.Operator, OperatorID: op.ID, Body: "It left the depot today."},
			{ChatID: c.ID, Author: chat.Operator, OperatorID: op.ID, Body: "/help"},
			{ChatID: c.ID, Author: chat.Operator, OperatorID: op.ID, Body: "Internal: customer is grumpy", Private: true},
		} {
			if _, err := s.Chats.Post(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Chats.MailTranscript(ctx, c.ID, "not an address"); err == nil {
			t.Error("a transcript to no address was accepted")
		}
		if err := s.Chats.MailTranscript(ctx, c.ID, "sam@example.com"); err != nil {
			t.Fatalf("mail the transcript: %v", err)
		}
		ms, err := s.Outbox.ForChat(ctx, c.ID)
		if err != nil || len(ms) != 1 {
			t.Fatalf("outbox rows for the chat: %d, %v", len(ms), err)
		}
		m := ms[0]
		if m.Kind != outbound.Transcript || m.TicketID != 0 || m.ChatID != c.ID || m.Status != outbound.Queued ||
			m.To.Email != "sam@example.com" || m.From.Email != tm.EmailAlias {
			t.Errorf("the transcript's row: %+v", m)
		}
		for _, want := range []string{"Sam: Where is my parcel? <script>x</script>", "Grace Hopper: It left the depot today."} {
			if !strings.Contains(m.Text, want) {
				t.Errorf("the transcript lacks %q:\n%s", want, m.Text)
			}
		}
		if !strings.Contains(m.HTML, "&lt;script&gt;") || strings.Contains(m.HTML, "<script>") {
			t.Errorf("the HTML part does not escape the visitor's words: %s", m.HTML)
		}
		rec, relay := startRelay(t)
		if n, err := newSender(s, relay).SendDue(ctx); err != nil || n != 1 {
			t.Fatalf("send: %d, %v", n, err)
		}
		got := rec.Deliveries()
		if len(got) != 1 || got[0].To[0] != "sam@example.com" {
			t.Fatalf("deliveries: %+v", got)
		}
		raw := string(got[0].Data)
		for _, private := range []string{"/help", "grumpy", "Commands"} {
			if strings.Contains(raw, private) {
				t.Errorf("the mail carries the private %q", private)
			}
		}
		if after, _ := s.Outbox.Get(ctx, m.ID); after.Status != outbound.Sent {
			t.Errorf("status after sending: %s", after.Status)
		}
	})
}
