package ui_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A chat's transcript sits in the outbox beside the tickets' mails,
// named by its chat: it has no ticket to link to.
func TestOutboxListsChatTranscripts(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tm, err := e.s.Teams.Find(ctx, d.Read, "support")
		if err != nil {
			t.Fatal(err)
		}
		if err := e.s.Chats.SetTeamChat(ctx, tm.ID, true); err != nil {
			t.Fatal(err)
		}
		ch, err := e.s.Chats.ChannelBySlug(ctx, "support")
		if err != nil {
			t.Fatal(err)
		}
		if err := e.s.Chats.Join(ctx, ch.ID, e.ids["admin"]); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Chats.SetAvailability(ctx, e.ids["admin"], chat.Online); err != nil {
			t.Fatal(err)
		}
		c, _, err := e.s.Chats.Start(ctx, chat.NewChat{Channel: "support", VisitorKey: "v-9", Message: "Hello"})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.s.Chats.MailTranscript(ctx, c.ID, "vera@example.com"); err != nil {
			t.Fatal(err)
		}
		expect(t, "outbox", e.getAs("admin", "/settings/outbox", http.StatusOK),
			[]string{"vera@example.com", "transcript", "chat " + itoa(c.ID), "Your chat transcript"}, []string{`href="/tickets/0"`})
	})
}
