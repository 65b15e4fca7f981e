package portal_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/geoip"
	"github.com/frontdesk/frontdesk/internal/geoip/geoiptest"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/server"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The widget asks which rule applies to its page; the country comes from
// the client's address, read from X-Forwarded-For only when the peer is
// a trusted proxy.
func TestChatChannelAnswersTheRuleOfThePage(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		g, err := geoip.Open(geoiptest.File(t, map[string]string{"203.0.113.0/24": "DE"}))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { g.Close() })
		s.GeoIP = g
		s.TrustedProxies, _ = httpx.ParseTrustedProxies("192.0.2.1")
		h := server.Handler(s, slog.New(slog.NewTextHandler(io.Discard, nil)))
		teams, _ := s.Teams.List(ctx)
		if _, err := s.Teams.Update(ctx, teams[0].ID, team.Input{Channels: &team.Channels{Email: true, LiveChat: true}}); err != nil {
			t.Fatal(err)
		}
		ch, _ := s.Chats.ChannelBySlug(ctx, teams[0].Slug)
		if _, err := s.Chats.SetRules(ctx, ch.ID, []chat.Rule{{Action: chat.Hide, URL: "^/checkout"},
			{Action: chat.AutoOpen, DelayS: 4, URL: "^/pricing", Countries: []string{"DE"}}}); err != nil {
			t.Fatal(err)
		}
		rule := func(page, peer, forwarded string) chat.Decision {
			req := httptest.NewRequest("GET", "/widget/v1/chat/channels/"+ch.Slug+"?page="+url.QueryEscape(page), nil)
			req.RemoteAddr = peer + ":4000"
			if forwarded != "" {
				req.Header.Set("X-Forwarded-For", forwarded)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			var out struct{ Rule chat.Decision }
			if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &out) != nil {
				t.Fatalf("%s: %d %s", page, rec.Code, rec.Body)
			}
			return out.Rule
		}
		if r := rule("/checkout?step=2", "198.51.100.7", ""); r.Action != chat.Hide {
			t.Errorf("checkout: %+v, want hide", r)
		}
		if r := rule("/pricing", "192.0.2.1", "203.0.113.9"); r.Action != chat.AutoOpen || r.DelayS != 4 {
			t.Errorf("pricing from Germany through the trusted proxy: %+v, want auto_open after 4 s", r)
		}
		if r := rule("https://shop.example.com/pricing#plans", "192.0.2.1", "203.0.113.9"); r.Action != chat.AutoOpen {
			t.Errorf("a full URL is cut to its path: %+v", r)
		}
		if r := rule("/pricing", "198.51.100.7", "203.0.113.9"); r.Action != chat.Notify {
			t.Errorf("X-Forwarded-For from an untrusted peer must be ignored: %+v, want the default", r)
		}

		// A rule's chatbot answers when nobody is online; the server
		// decides it from the page the chat starts on, not the widget.
		bot, err := s.Chatbots.Create(ctx, chatbot.Input{Name: "Sorter", Steps: []chatbot.Step{
			{Type: chatbot.Question, Message: "Sales or support?", Answers: []chatbot.Answer{{Label: "Sales"}, {Label: "Support"}}}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Chats.SetRules(ctx, ch.ID, []chat.Rule{{Action: chat.ShowButton, URL: "^/help",
			ChatbotID: &bot.ID, OnlyIfNoOperator: true}}); err != nil {
			t.Fatal(err)
		}
		start := func(page string) (int, string) {
			body := `{"visitor":"v-1","page":{"url":"https://shop.example.com` + page + `"},"message":"hi"}`
			req := httptest.NewRequest("POST", "/widget/v1/chat/channels/"+ch.Slug+"/chats", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec.Code, rec.Body.String()
		}
		if code, body := start("/help/returns"); code != 201 || !strings.Contains(body, `"bot":"Sorter"`) {
			t.Errorf("a chat on the bot's page with nobody online: %d %s", code, body)
		}
		if code, _ := start("/about"); code != 409 {
			t.Errorf("a chat on a page without a bot, nobody online: %d, want 409 (the offline form)", code)
		}
		// An operator with a free seat: the "only if no operator" bot steps aside.
		op, err := s.Operators.Create(ctx, operator.NewOperator{Email: "ada@example.com", Name: "Ada", Role: operator.Agent,
			Password: "correct horse battery"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Chats.Join(ctx, ch.ID, op.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Chats.SetAvailability(ctx, op.ID, chat.Online); err != nil {
			t.Fatal(err)
		}
		if code, body := start("/help/returns"); code != 201 || strings.Contains(body, `"bot":`) {
			t.Errorf("a chat on the bot's page with Ada free: %d %s, want no bot", code, body)
		}
	})
}
