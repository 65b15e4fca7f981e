package server_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/events"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// node is one app node on the shared PostgreSQL, with its own pool,
// services, event bus (LISTEN/NOTIFY) and HTTP server.
func node(t *testing.T, d *db.DB, dsn string) *app.Services {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s := testutil.Services(t, d)
	s.UseBus(events.NewPostgres(ctx, dsn, slog.New(slog.NewTextHandler(io.Discard, nil))))
	s.ChatHub.Sends = nil // 100 messages a side is more than a person's budget; limits have their own test
	return s
}

// A visitor on node A and an operator on node B exchange 100 messages
// each way: both see all 200, numbered 1 to 200, each once. Node B then
// dies; the operator reconnects to node A and resumes after the last
// number they hold, and the messages the visitor sent meanwhile arrive
// once, followed by another 100 each way.
func TestChatAcrossTwoNodes(t *testing.T) {
	d := testutil.NewPostgres(t)
	dsn := testutil.PostgresDSN(t, d)
	a := newChatSite(t, node(t, d, dsn))
	b := newChatSite(t, node(t, testutil.SecondNode(t, d), dsn))
	_, cookie := a.operator(t, "ada@example.com")
	st := a.start(t, "visitor-1")
	visitor, err := dial(t, wsURL(a.ts.URL)+"/widget/v1/chat/chats/"+st.Token+"/socket", chatHost, "")
	if err != nil {
		t.Fatal(err)
	}
	agent, err := dial(t, wsURL(b.ts.URL)+"/chats/socket", appOrigin, cookie)
	if err != nil {
		t.Fatal(err)
	}
	visitor.send(t, map[string]any{"type": "resume", "after": 0})
	agent.send(t, map[string]any{"type": "resume", "chat_id": st.Chat.ID, "after": 0})
	visitor.next(t, "state", nil)
	agent.next(t, "state", nil)

	exchange(t, visitor, agent, st.Chat.ID, "a", 100, 100)
	vs, as := receive(t, visitor, 0, 200), receive(t, agent, 0, 200)
	checkOnce(t, "visitor", vs, "a", 100, 100)
	checkOnce(t, "operator", as, "a", 100, 100)

	agent.ws.CloseNow() // node B dies with its sockets
	b.ts.CloseClientConnections()
	b.ts.Close()
	for i := range 10 {
		visitor.send(t, map[string]any{"type": "message", "client_id": fmt.Sprint("gap-", i), "body": fmt.Sprint("gap-", i)})
	}
	again, err := dial(t, wsURL(a.ts.URL)+"/chats/socket", appOrigin, cookie)
	if err != nil {
		t.Fatal(err)
	}
	again.send(t, map[string]any{"type": "resume", "chat_id": st.Chat.ID, "after": 200})
	gap := receive(t, again, 200, 10)
	for i, m := range gap {
		if m != fmt.Sprint("gap-", i) {
			t.Fatalf("after the resume, message %d is %q", 201+i, m)
		}
	}
	exchange(t, visitor, again, st.Chat.ID, "b", 100, 100)
	checkOnce(t, "operator after failover", receive(t, again, 210, 200), "b", 100, 100)
	rest := receive(t, visitor, 200, 210)
	checkOnce(t, "visitor after failover", rest[10:], "b", 100, 100)
}

// exchange sends n messages from the visitor and m from the operator,
// interleaved, without waiting for each other.
func exchange(t *testing.T, visitor, agent *client, chatID int64, tag string, n, m int) {
	t.Helper()
	for i := range max(n, m) {
		if i < n {
			visitor.send(t, map[string]any{"type": "message", "client_id": fmt.Sprint(tag, "v", i), "body": fmt.Sprint(tag, "v", i)})
		}
		if i < m {
			agent.send(t, map[string]any{"type": "message", "chat_id": chatID, "client_id": fmt.Sprint(tag, "o", i),
				"body": fmt.Sprint(tag, "o", i)})
		}
	}
}

// receive reads message frames until it holds seqs after+1 .. after+n,
// failing on a gap, a duplicate or a number out of order; it returns the
// bodies in seq order.
func receive(t *testing.T, c *client, after int64, n int) []string {
	t.Helper()
	var out []string
	for len(out) < n {
		m := c.next(t, "message", nil).msg()
		want := after + int64(len(out)) + 1
		if m.Seq != want {
			t.Fatalf("got seq %d, want %d (after %d, %d received)", m.Seq, want, after, len(out))
		}
		out = append(out, m.Body)
	}
	return out
}

// checkOnce checks that each side's messages all arrived once, each
// side's in the order it sent them.
func checkOnce(t *testing.T, who string, bodies []string, tag string, n, m int) {
	t.Helper()
	nextV, nextO := 0, 0
	for _, b := range bodies {
		switch b {
		case fmt.Sprint(tag, "v", nextV):
			nextV++
		case fmt.Sprint(tag, "o", nextO):
			nextO++
		default:
			t.Fatalf("%s: unexpected %q (next visitor %d, next operator %d)", who, b, nextV, nextO)
		}
	}
	if nextV != n || nextO != m {
		t.Fatalf("%s: %d visitor and %d operator messages, want %d and %d", who, nextV, nextO, n, m)
	}
}
