package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/frontdesk/frontdesk/internal/testutil"
)

// Two "frontdesk serve" processes on one PostgreSQL database: a visitor
// on node A and an operator on node B exchange messages, and both see
// each once, in order. Node B is then killed; the visitor writes on
// meanwhile, the operator reconnects to node A asking for what came after
// the last number it holds, gets those messages once, and the chat goes on.
// (internal/server's TestChatAcrossTwoNodes runs 100 each way between two
// nodes in one process; this is the same story between real processes.)
func TestChatAcrossTwoProcesses(t *testing.T) {
	d := testutil.NewPostgres(t)
	dsn := testutil.PostgresDSN(t, d)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := &Chat{Exe: buildFrontdesk(t, ctx), DB: dsn, DataDir: t.TempDir(), Active: 1}
	active, _, cookies, err := c.Prepare(ctx, testutil.Services(t, d))
	if err != nil || len(active) != 1 {
		t.Fatalf("prepare: %v (%d chats)", err, len(active))
	}
	ch := active[0]
	a, b := startTestNode(t, c), startTestNode(t, c)

	visitor := openSocket(t, ctx, wsBase(a)+"/widget/v1/chat/chats/"+ch.Token+"/socket", a.base, "")
	visitor.put(t, map[string]any{"type": "resume", "after": 0})
	agent := openSocket(t, ctx, wsBase(b)+"/chats/socket", b.base, cookies[0])
	agent.put(t, map[string]any{"type": "resume", "chat_id": ch.ID, "after": 0})
	time.Sleep(500 * time.Millisecond) // both follow the chat before the first message

	const n = 20 // each way; a chat's limit is 60 messages a minute a side
	for i := range n {
		visitor.put(t, map[string]any{"type": "message", "client_id": fmt.Sprint("v", i), "body": fmt.Sprint("visitor ", i)})
		agent.put(t, map[string]any{"type": "message", "chat_id": ch.ID, "client_id": fmt.Sprint("o", i), "body": fmt.Sprint("operator ", i)})
	}
	inOrderOnce(t, "visitor", visitor.messages(t, 2*n), 1)
	last := inOrderOnce(t, "operator on node B", agent.messages(t, 2*n), 1)

	b.stop()
	for i := range 5 {
		visitor.put(t, map[string]any{"type": "message", "client_id": fmt.Sprint("w", i), "body": fmt.Sprint("while B was down ", i)})
	}
	visitor.messages(t, 5)
	again := openSocket(t, ctx, wsBase(a)+"/chats/socket", a.base, cookies[0])
	again.put(t, map[string]any{"type": "resume", "chat_id": ch.ID, "after": last})
	if got := again.messages(t, 5); inOrderOnce(t, "operator back on node A", got, last+1) != last+5 {
		t.Fatalf("after the failover the operator got seq %v", seqs(got))
	}
	again.put(t, map[string]any{"type": "message", "chat_id": ch.ID, "client_id": "after", "body": "back"})
	if got := visitor.messages(t, 1); got[0].Body != "back" || got[0].Seq != last+6 {
		t.Fatalf("the visitor got %+v after the failover", got[0])
	}
	if got := again.messages(t, 1); got[0].Seq != last+6 { // the sender gets its own message too
		t.Fatalf("the operator got %+v back", got[0])
	}
	again.none(t, 300*time.Millisecond)
}

// buildFrontdesk builds the binary the nodes run.
func buildFrontdesk(t *testing.T, ctx context.Context) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "frontdesk")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/frontdesk/frontdesk/cmd/frontdesk").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func startTestNode(t *testing.T, c *Chat) *node {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	n, err := c.startNode(context.Background(), port)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(n.stop)
	return n
}

func wsBase(n *node) string { return "ws" + strings.TrimPrefix(n.base, "http") }

type chatMessage struct {
	Seq  int64  `json:"seq"`
	Body string `json:"body"`
}

// testSocket keeps the message frames a socket receives.
type testSocket struct {
	ws  *websocket.Conn
	ctx context.Context
	got chan chatMessage
}

func openSocket(t *testing.T, ctx context.Context, url, origin, cookie string) *testSocket {
	t.Helper()
	ws, err := dial(ctx, url, origin, cookie, 1)
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(func() { ws.CloseNow() })
	s := &testSocket{ws: ws, ctx: ctx, got: make(chan chatMessage, 1000)}
	go func() {
		for {
			_, b, err := ws.Read(ctx)
			if err != nil {
				return
			}
			var f struct {
				Type    string      `json:"type"`
				Message chatMessage `json:"message"`
			}
			if json.Unmarshal(b, &f) == nil && f.Type == "message" {
				s.got <- f.Message
			}
		}
	}()
	return s
}

func (s *testSocket) put(t *testing.T, v any) {
	t.Helper()
	if err := send(s.ctx, s.ws, v); err != nil {
		t.Fatalf("send: %v", err)
	}
}

// messages waits for the next n message frames.
func (s *testSocket) messages(t *testing.T, n int) []chatMessage {
	t.Helper()
	var out []chatMessage
	for len(out) < n {
		select {
		case m := <-s.got:
			out = append(out, m)
		case <-time.After(15 * time.Second):
			t.Fatalf("%d of %d messages arrived (seq %v)", len(out), n, seqs(out))
		}
	}
	return out
}

func (s *testSocket) none(t *testing.T, d time.Duration) {
	t.Helper()
	select {
	case m := <-s.got:
		t.Fatalf("a message arrived twice or unasked: %+v", m)
	case <-time.After(d):
	}
}

// inOrderOnce checks the messages are numbered from first on, each once,
// and returns the last number.
func inOrderOnce(t *testing.T, who string, got []chatMessage, first int64) int64 {
	t.Helper()
	for i, m := range got {
		if m.Seq != first+int64(i) {
			t.Fatalf("%s got seq %v, want %d on from %d, each once", who, seqs(got), len(got), first)
		}
	}
	return first + int64(len(got)) - 1
}

func seqs(ms []chatMessage) []int64 {
	var out []int64
	for _, m := range ms {
		out = append(out, m.Seq)
	}
	return out
}
