package server_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A visitor and an operator chat over real sockets: messages both ways
// with acks, typing shown (never the operator's command drafts to the
// visitor), command answers kept from the visitor, and after a dropped
// connection the visitor's resume brings exactly what was missed.
func TestChatOverSockets(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		site := newChatSite(t, testutil.Services(t, d))
		op, cookie := site.operator(t, "ada@example.com")
		st := site.start(t, "visitor-1")
		if st.Chat.State != chat.Active || st.Chat.Operator == nil || st.Chat.Operator.ID != op.ID {
			t.Fatalf("chat should go to the only operator: %+v", st.Chat)
		}
		vurl := wsURL(site.ts.URL) + "/widget/v1/chat/chats/" + st.Token + "/socket"
		visitor, err := dial(t, vurl, chatHost, "")
		if err != nil {
			t.Fatal(err)
		}
		agent, err := dial(t, wsURL(site.ts.URL)+"/chats/socket", appOrigin, cookie)
		if err != nil {
			t.Fatal(err)
		}
		agent.next(t, "availability", func(f wsFrame) bool { return f.Status == "online" })
		agent.next(t, "chat", func(f wsFrame) bool { return f.Chat.ID == st.Chat.ID })
		visitor.send(t, map[string]any{"type": "resume", "after": 0})
		agent.send(t, map[string]any{"type": "resume", "chat_id": st.Chat.ID, "after": 0})
		visitor.next(t, "state", nil)
		agent.next(t, "state", nil)

		visitor.send(t, map[string]any{"type": "message", "client_id": "c1", "body": "Hello <script>x</script>"})
		if f := visitor.next(t, "ack", nil); f.ClientID != "c1" || f.Seq != 1 {
			t.Fatalf("ack: %+v", f)
		}
		if m := agent.next(t, "message", nil).msg(); m.Seq != 1 || m.Body != "Hello <script>x</script>" || m.Author != chat.Visitor {
			t.Fatalf("operator got %+v", m)
		}
		visitor.send(t, map[string]any{"type": "typing", "active": true})
		if f := agent.next(t, "typing", nil); f.From != "visitor" || !f.Active {
			t.Fatalf("typing at the operator: %+v", f)
		}
		agent.send(t, map[string]any{"type": "typing", "chat_id": st.Chat.ID, "active": true, "first": "/"})
		visitor.none(t, "typing", 1200*time.Millisecond)
		agent.send(t, map[string]any{"type": "typing", "chat_id": st.Chat.ID, "active": true, "first": "H"})
		if f := visitor.next(t, "typing", nil); f.From != "operator" {
			t.Fatalf("typing at the visitor: %+v", f)
		}
		agent.send(t, map[string]any{"type": "message", "chat_id": st.Chat.ID, "client_id": "o1", "body": "/help"})
		if m := agent.next(t, "message", func(f wsFrame) bool { return f.msg().Author == chat.System }).msg(); !m.Private || !strings.Contains(m.Body, "/ticket") {
			t.Fatalf("/help answer: %+v", m)
		}
		agent.send(t, map[string]any{"type": "message", "chat_id": st.Chat.ID, "client_id": "o2", "body": "/dance"})
		if f := agent.next(t, "error", nil); f.Code != "unknown_command" || f.ClientID != "o2" {
			t.Fatalf("unknown command: %+v", f)
		}
		agent.send(t, map[string]any{"type": "message", "chat_id": st.Chat.ID, "client_id": "o3", "body": "Hi, how can I help?"})
		if m := visitor.next(t, "message", func(f wsFrame) bool { return f.msg().Author == chat.Operator }).msg(); m.Seq != 4 || m.Private {
			t.Fatalf("visitor got %+v (seqs 2 and 3 are the private /help pair)", m)
		}
		visitor.send(t, map[string]any{"type": "message", "client_id": "c2", "body": strings.Repeat("x", chat.MaxBody+1)})
		if f := visitor.next(t, "error", nil); f.Code != "too_long" || f.ClientID != "c2" {
			t.Fatalf("too long: %+v", f)
		}

		// The visitor's network drops; three messages are sent meanwhile.
		visitor.ws.CloseNow()
		for _, b := range []string{"one", "two", "three"} {
			agent.send(t, map[string]any{"type": "message", "chat_id": st.Chat.ID, "client_id": "late-" + b, "body": b})
			agent.next(t, "ack", nil)
		}
		again, err := dial(t, vurl, chatHost, "")
		if err != nil {
			t.Fatal(err)
		}
		again.send(t, map[string]any{"type": "resume", "after": 4})
		var got []string
		for len(got) < 3 {
			m := again.next(t, "message", nil).msg()
			if m.Seq != int64(5+len(got)) {
				t.Fatalf("after resume from 4: seq %d, want %d", m.Seq, 5+len(got))
			}
			got = append(got, m.Body)
		}
		if strings.Join(got, ",") != "one,two,three" {
			t.Fatalf("replayed %v", got)
		}
		again.none(t, "message", 500*time.Millisecond)
	})
}

func TestChatSocketsRefuseStrangers(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		site := newChatSite(t, testutil.Services(t, d))
		_, cookie := site.operator(t, "ada@example.com")
		st := site.start(t, "v")
		base := wsURL(site.ts.URL)
		cases := []struct {
			name, url, origin, cookie string
		}{
			{"visitor from another site", base + "/widget/v1/chat/chats/" + st.Token + "/socket", "https://evil.example", ""},
			{"visitor with a guessed token", base + "/widget/v1/chat/chats/" + strings.Repeat("A", 43) + "/socket", chatHost, ""},
			{"operator from another site", base + "/chats/socket", "https://evil.example", cookie},
			{"operator without a session", base + "/chats/socket", appOrigin, ""},
		}
		for _, c := range cases {
			_, err := dial(t, c.url, c.origin, c.cookie)
			var de *dialError
			if !errors.As(err, &de) || de.status == http.StatusSwitchingProtocols {
				t.Errorf("%s: %v, want a refusal", c.name, err)
			}
		}
		var out map[string]any
		code := post(t, site.ts.URL+"/widget/v1/chat/channels/"+site.slug+"/chats", "https://evil.example",
			map[string]any{"visitor": "x"}, &out)
		if code != http.StatusForbidden {
			t.Errorf("start from another site: %d", code)
		}
	})
}
