package server_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// /metrics carries the live chat panel: the admin, online with one seat,
// holds one chat while a second visitor waits.
func TestChatGauges(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		teams, err := e.s.Teams.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tm, err := e.s.Teams.Update(ctx, teams[0].ID, team.Input{Channels: &team.Channels{Email: true, LiveChat: true}})
		if err != nil {
			t.Fatal(err)
		}
		ch, err := e.s.Chats.ChannelBySlug(ctx, tm.Slug)
		if err != nil {
			t.Fatal(err)
		}
		admin := e.ids["admin"]
		if err := e.s.Chats.Join(ctx, ch.ID, admin); err != nil {
			t.Fatal(err)
		}
		if err := e.s.Chats.SetCapacity(ctx, admin, 1); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Chats.SetAvailability(ctx, admin, chat.Online); err != nil {
			t.Fatal(err)
		}
		for _, v := range []string{"v-1", "v-2"} {
			if _, _, err := e.s.Chats.Start(ctx, chat.NewChat{Channel: ch.Slug, VisitorKey: v}); err != nil {
				t.Fatal(err)
			}
		}
		op := fmt.Sprintf(`{operator="The admin",operator_id="%d"}`, admin)
		e.run([]scenario{{name: "live chat gauges", method: "GET", url: "/metrics", status: 200, contains: []string{
			"\nfrontdesk_chat_visitors_waiting 1\n", "\nfrontdesk_chat_operators_online 1\n",
			"\nfrontdesk_chat_operator_chats" + op + " 1\n", "\nfrontdesk_chat_operator_capacity" + op + " 1\n",
			"\nfrontdesk_chat_panel_up 1\n"}}})
	})
}
