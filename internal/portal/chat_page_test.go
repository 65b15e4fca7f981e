package portal_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/web"
)

// The launcher every host page loads stays within its budget; the chat
// window is a separate script, loaded only when the visitor opens it.
func TestWidgetLauncherBudget(t *testing.T) {
	const budget = 25 << 10
	for _, name := range []string{"widget.js", "chat.js"} {
		b, err := fs.ReadFile(web.Static, name)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		z, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		z.Write(b)
		z.Close()
		t.Logf("%s: %d bytes gzipped", name, buf.Len())
		if name == "widget.js" && buf.Len() > budget {
			t.Errorf("widget.js is %d bytes gzipped, over the %d budget", buf.Len(), budget)
		}
		if strings.Contains(string(b), "innerHTML") || strings.Contains(string(b), "insertAdjacentHTML") {
			t.Errorf("%s must build its DOM from text, never from HTML strings", name)
		}
	}
}

// /chat.js is served like /widget.js, to any site; /chat/{channel} is the
// direct link's page, which runs it: 404 until the channel is open, the
// channel's name escaped, and a policy that allows our script only.
func TestChatScriptAndDirectPage(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		res := e.get("/chat.js")
		if res.Code != http.StatusOK || res.Header().Get("Content-Type") != "text/javascript; charset=utf-8" ||
			res.Header().Get("Cache-Control") != "public, max-age=300" || !strings.Contains(res.Body.String(), "__frontdeskChat") {
			t.Fatalf("GET /chat.js: %d %v", res.Code, res.Header())
		}
		if res := e.get("/chat/support"); res.Code != http.StatusNotFound {
			t.Errorf("a team without chat: %d, want 404", res.Code)
		}
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
		if _, err := e.s.Chats.RenameChannel(ctx, ch.ID, chat.NewChannel{Name: `<script>window.__pwned=1</script>`, Slug: "support"}); err != nil {
			t.Fatal(err)
		}
		res = e.get("/chat/support")
		if res.Code != http.StatusOK {
			t.Fatalf("the direct page: %d", res.Code)
		}
		contains(t, res.Body.String(), []string{`id="fd-chat" data-channel="support"`, `<script src="/chat.js" defer></script>`,
			"&lt;script&gt;window.__pwned=1&lt;/script&gt;"}, []string{"<script>window.__pwned"})
		if csp := res.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") ||
			!strings.Contains(csp, "connect-src 'self'") || strings.Contains(csp, "unsafe") {
			t.Errorf("policy %q", csp)
		}
		if res := e.get("/chat/nope"); res.Code != http.StatusNotFound {
			t.Errorf("an unknown channel: %d, want 404", res.Code)
		}
		if err := e.s.Chats.SetTeamChat(ctx, tm.ID, false); err != nil {
			t.Fatal(err)
		}
		if res := e.get("/chat/support"); res.Code != http.StatusNotFound {
			t.Errorf("a closed channel: %d, want 404", res.Code)
		}
	})
}

// Every host page's widget asks whether its team chats: a team without
// a channel answers 404 in a form the page may read, naming nothing; so
// does a chat token that names no chat (the window then starts afresh).
func TestChatChannelAbsentIsReadable(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		req := httptest.NewRequest("GET", "/widget/v1/chat/channels/support", nil)
		req.Header.Set("Origin", "https://shop.example.com")
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound || rec.Header().Get("Access-Control-Allow-Origin") != "https://shop.example.com" {
			t.Errorf("no channel: %d, ACAO %q", rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))
		}
		req = httptest.NewRequest("GET", "/widget/v1/chat/chats/no-such-token", nil)
		req.Header.Set("Origin", "https://shop.example.com")
		rec = httptest.NewRecorder()
		e.h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound || rec.Header().Get("Access-Control-Allow-Origin") != "https://shop.example.com" ||
			strings.Contains(rec.Body.String(), "support") {
			t.Errorf("no chat: %d, ACAO %q, %s", rec.Code, rec.Header().Get("Access-Control-Allow-Origin"), rec.Body.String())
		}
	})
}
