package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/server"
	"github.com/frontdesk/frontdesk/internal/session"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/widget"
)

const (
	chatHost  = "https://shop.example"  // the team's site, allowed to embed the chat
	appOrigin = "http://127.0.0.1:8080" // the base URL of testutil's services
)

// chatSite is one node serving a team with live chat on, and an operator
// of its channel, online, with a session.
type chatSite struct {
	s      *app.Services
	ts     *httptest.Server
	op     operator.Operator
	cookie string
	slug   string
}

func newChatSite(t *testing.T, s *app.Services) *chatSite {
	t.Helper()
	ctx := context.Background()
	teams, _ := s.Teams.List(ctx)
	tm, err := s.Teams.Update(ctx, teams[0].ID, team.Input{Channels: &team.Channels{Email: true, Widget: true, LiveChat: true}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Widgets.Update(ctx, tm.ID, widget.Input{Origins: []string{chatHost}, Color: "#2563eb"}); err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	site := &chatSite{s: s, ts: httptest.NewServer(server.Handler(s, quiet)), slug: tm.Slug}
	t.Cleanup(site.ts.Close)
	t.Cleanup(s.ChatHub.Close)
	return site
}

// operator adds an operator who joined the channel, is online and has a
// session cookie.
func (c *chatSite) operator(t *testing.T, email string) (operator.Operator, string) {
	t.Helper()
	ctx := context.Background()
	op, err := c.s.Operators.Create(ctx, operator.NewOperator{Email: email, Name: strings.Split(email, "@")[0],
		Role: operator.Agent, Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := c.s.Chats.ChannelBySlug(ctx, c.slug)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.s.Chats.Join(ctx, ch.ID, op.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.s.Chats.SetAvailability(ctx, op.ID, chat.Online); err != nil {
		t.Fatal(err)
	}
	secret, _, err := (&session.Store{DB: c.s.DB}).Create(ctx, op.ID)
	if err != nil {
		t.Fatal(err)
	}
	return op, secret
}

// post sends JSON with an Origin and decodes the answer.
func post(t *testing.T, url, origin string, body any, out any) int {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if out != nil {
		json.NewDecoder(res.Body).Decode(out)
	}
	return res.StatusCode
}

type started struct {
	Chat   chat.Chat `json:"chat"`
	Token  string    `json:"token"`
	Socket string    `json:"socket"`
}

func (c *chatSite) start(t *testing.T, visitor string) started {
	t.Helper()
	var out started
	code := post(t, c.ts.URL+"/widget/v1/chat/channels/"+c.slug+"/chats", chatHost,
		map[string]any{"visitor": visitor, "page": map[string]string{"url": "https://shop.example/pricing", "title": "Pricing"}}, &out)
	if code != http.StatusCreated || out.Token == "" {
		t.Fatalf("start: %d %+v", code, out)
	}
	return out
}

// wsFrame is any frame a test reads.
type wsFrame struct {
	Type     string          `json:"type"`
	ChatID   int64           `json:"chat_id"`
	ClientID string          `json:"client_id"`
	Seq      int64           `json:"seq"`
	Code     string          `json:"code"`
	From     string          `json:"from"`
	Active   bool            `json:"active"`
	Message  json.RawMessage `json:"message"`
	Chat     *chat.Chat      `json:"chat"`
	Status   string          `json:"status"`
	Unread   int             `json:"unread"`
}

func (f wsFrame) msg() chat.Message {
	var m chat.Message
	json.Unmarshal(f.Message, &m)
	return m
}

// client is a test's socket: frames arrive on C until it closes.
type client struct {
	ws *websocket.Conn
	C  chan wsFrame
}

func dial(t *testing.T, url, origin, cookie string) (*client, error) {
	t.Helper()
	h := http.Header{"Origin": {origin}}
	if cookie != "" {
		h.Set("Cookie", "fd_session="+cookie)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ws, res, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: h})
	if err != nil {
		if res != nil {
			return nil, &dialError{res.StatusCode}
		}
		return nil, err
	}
	c := &client{ws: ws, C: make(chan wsFrame, 1024)}
	go func() {
		defer close(c.C)
		for {
			_, b, err := ws.Read(context.Background())
			if err != nil {
				return
			}
			var f wsFrame
			json.Unmarshal(b, &f)
			c.C <- f
		}
	}()
	t.Cleanup(func() { ws.CloseNow() })
	return c, nil
}

type dialError struct{ status int }

func (e *dialError) Error() string { return http.StatusText(e.status) }

func (c *client) send(t *testing.T, v any) {
	t.Helper()
	b, _ := json.Marshal(v)
	if err := c.ws.Write(context.Background(), websocket.MessageText, b); err != nil {
		t.Fatalf("write: %v", err)
	}
}

// next waits for the first frame of the type that matches.
func (c *client) next(t *testing.T, typ string, match func(wsFrame) bool) wsFrame {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case f, ok := <-c.C:
			if !ok {
				t.Fatalf("socket closed waiting for %s", typ)
			}
			if f.Type == typ && (match == nil || match(f)) {
				return f
			}
		case <-timeout:
			t.Fatalf("no %s frame within 10 s", typ)
		}
	}
}

// none checks that no frame of the type arrives within d.
func (c *client) none(t *testing.T, typ string, d time.Duration) {
	t.Helper()
	timeout := time.After(d)
	for {
		select {
		case f, ok := <-c.C:
			if !ok {
				return
			}
			if f.Type == typ {
				t.Fatalf("unexpected %s frame: %+v", typ, f)
			}
		case <-timeout:
			return
		}
	}
}

func wsURL(httpURL string) string { return "ws" + strings.TrimPrefix(httpURL, "http") }
