package server_test

import (
	"context"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// Waiting visitors see their place move up over their sockets when the
// chat ahead of them is answered, and the one served sees its operator.
func TestChatQueuePlacesOverSockets(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		site := newChatSite(t, testutil.Services(t, d))
		op, _ := site.operator(t, "ada@example.com")
		ctx := context.Background()
		if err := site.s.Chats.SetCapacity(ctx, op.ID, 1); err != nil {
			t.Fatal(err)
		}
		served := site.start(t, "visitor-0")
		var socks []*client
		for i, v := range []string{"visitor-1", "visitor-2", "visitor-3"} {
			st := site.start(t, v)
			ws, err := dial(t, wsURL(site.ts.URL)+"/widget/v1/chat/chats/"+st.Token+"/socket", chatHost, "")
			if err != nil {
				t.Fatal(err)
			}
			ws.send(t, map[string]any{"type": "resume", "after": 0})
			if f := ws.next(t, "state", nil); f.Chat.State != chat.Queued || f.Chat.Place != i+1 {
				t.Fatalf("%s first sees %s at place %d, want queued at %d", v, f.Chat.State, f.Chat.Place, i+1)
			}
			socks = append(socks, ws)
		}
		if _, err := site.s.Chats.End(ctx, served.Chat.ID); err != nil {
			t.Fatal(err)
		}
		if f := socks[0].next(t, "state", nil); f.Chat.State != chat.Active || f.Chat.Operator == nil || f.Chat.Operator.ID != op.ID {
			t.Fatalf("the first in line: %+v, want active with the operator", f.Chat)
		}
		for i, ws := range socks[1:] {
			// A later arrival's queue update may still be on its way,
			// repeating the place the visitor had: the next change counts.
			moved := func(f wsFrame) bool { return f.Chat.State != chat.Queued || f.Chat.Place != i+2 }
			if f := ws.next(t, "state", moved); f.Chat.State != chat.Queued || f.Chat.Place != i+1 {
				t.Fatalf("waiting visitor %d: %s at %d, want queued at %d", i+2, f.Chat.State, f.Chat.Place, i+1)
			}
		}
	})
}
