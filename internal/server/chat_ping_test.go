package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/session"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The server's pings are data frames a client ignores; a socket keeps
// working after them, and an operator's socket closes at the first ping
// after the session ends, though its reader is waiting for a frame.
func TestChatSocketPingsAndEndedSessions(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		s.ChatHub.Ping = 100 * time.Millisecond
		site := newChatSite(t, s)
		_, cookie := site.operator(t, "ping@example.com")
		st := site.start(t, "visitor-ping")
		visitor, err := dial(t, wsURL(site.ts.URL)+"/widget/v1/chat/chats/"+st.Token+"/socket", chatHost, "")
		if err != nil {
			t.Fatal(err)
		}
		agent, err := dial(t, wsURL(site.ts.URL)+"/chats/socket", appOrigin, cookie)
		if err != nil {
			t.Fatal(err)
		}
		visitor.next(t, "ping", nil)
		visitor.next(t, "ping", nil)
		visitor.send(t, map[string]any{"type": "message", "client_id": "after-pings", "body": "still there?"})
		if f := visitor.next(t, "ack", nil); f.ClientID != "after-pings" {
			t.Fatalf("ack after pings: %+v", f)
		}
		agent.next(t, "ping", nil)

		if err := (&session.Store{DB: s.DB}).Delete(context.Background(), cookie); err != nil {
			t.Fatal(err)
		}
		deadline := time.After(5 * time.Second)
		for {
			select {
			case _, open := <-agent.C:
				if !open {
					return
				}
			case <-deadline:
				t.Fatal("the operator's socket is still open 5 s after the session ended")
			}
		}
	})
}
