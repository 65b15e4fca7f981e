package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/coder/websocket"
)

// chatVisitor is a website visitor talking over the chat's HTTP and
// WebSocket API, as the widget does, keeping every message it receives.
type chatVisitor struct {
	t      *testing.T
	id     int64
	token  string
	conn   *websocket.Conn
	mu     sync.Mutex
	bodies []string
	seqs   map[int64]bool
	typing int // "operator is typing" frames received
}

// startChat opens a chat on the support channel as a visitor of the
// install's own origin (the direct chat page's, always allowed).
func startChat(t *testing.T, name, message string) *chatVisitor {
	t.Helper()
	var out struct {
		Chat struct {
			ID int64 `json:"id"`
		} `json:"chat"`
		Token  string `json:"token"`
		Socket string `json:"socket"`
	}
	visitorPost(t, "/widget/v1/chat/channels/support/chats", map[string]any{"visitor": "v-e2e-chat", "name": name,
		"email": "sam.chat@example.com", "message": message, "client_id": "v-first",
		"page": map[string]string{"url": "https://shop.example/orders/42", "title": "Order 42"}}, &out)
	v := &chatVisitor{t: t, id: out.Chat.ID, token: out.Token, seqs: map[int64]bool{}}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	conn, _, err := websocket.Dial(ctx, out.Socket, &websocket.DialOptions{HTTPHeader: http.Header{"Origin": {srv.url}}})
	if err != nil {
		t.Fatalf("visitor socket: %v", err)
	}
	v.conn = conn
	t.Cleanup(func() { conn.CloseNow() })
	v.send(map[string]any{"type": "resume", "after": 0})
	go v.read(ctx)
	return v
}

func visitorPost(t *testing.T, path string, body, out any) {
	t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, srv.url+path, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", srv.url)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode >= 300 {
		var e any
		_ = json.NewDecoder(res.Body).Decode(&e)
		t.Fatalf("POST %s: %d %v", path, res.StatusCode, e)
	}
	if out != nil {
		if err := json.NewDecoder(res.Body).Decode(out); err != nil {
			t.Fatal(err)
		}
	}
}

func (v *chatVisitor) send(f map[string]any) {
	raw, _ := json.Marshal(f)
	if err := v.conn.Write(context.Background(), websocket.MessageText, raw); err != nil {
		v.t.Errorf("visitor frame: %v", err)
	}
}

// read keeps each message once, by its seq.
func (v *chatVisitor) read(ctx context.Context) {
	for {
		_, raw, err := v.conn.Read(ctx)
		if err != nil {
			return
		}
		var f struct {
			Type    string `json:"type"`
			Active  bool   `json:"active"`
			Message struct {
				Seq     int64  `json:"seq"`
				Body    string `json:"body"`
				Private bool   `json:"private"`
			} `json:"message"`
		}
		if json.Unmarshal(raw, &f) != nil {
			continue
		}
		v.mu.Lock()
		if f.Type == "typing" && f.Active {
			v.typing++
		}
		if f.Type != "message" {
			v.mu.Unlock()
			continue
		}
		if !v.seqs[f.Message.Seq] {
			v.seqs[f.Message.Seq] = true
			v.bodies = append(v.bodies, f.Message.Body)
		}
		v.mu.Unlock()
	}
}

// waitFor waits until the visitor received a message with want.
func (v *chatVisitor) waitFor(want string) []string {
	v.t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		v.mu.Lock()
		got := append([]string(nil), v.bodies...)
		v.mu.Unlock()
		for _, b := range got {
			if strings.Contains(b, want) {
				return got
			}
		}
	}
	v.t.Fatalf("the visitor never received %q; got %q", want, v.bodies)
	return nil
}

func (v *chatVisitor) typingFrames() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.typing
}

func adminToken(t *testing.T) string {
	t.Helper()
	out, err := exec.Command(srv.bin, "token", "create", "--db", srv.db, "--email", adminEmail).Output()
	if err != nil {
		t.Fatalf("token create: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// chatOn switches on the support team's live chat through the teams API
// (the other channels as they were) for the test's length and adds a
// canned response.
func chatOn(t *testing.T) {
	t.Helper()
	token := adminToken(t)
	var tm map[string]any
	api(t, token, http.MethodGet, "/teams/1", nil, &tm)
	ch, _ := tm["channels"].(map[string]any)
	ch["chat"] = true
	api(t, token, http.MethodPatch, "/teams/1", map[string]any{"channels": ch}, nil)
	// The widget tests expect the support team's ticket form, not its chat.
	t.Cleanup(func() {
		ch["chat"] = false
		api(t, token, http.MethodPatch, "/teams/1", map[string]any{"channels": ch}, nil)
	})
	api(t, token, http.MethodPost, "/canned-responses", map[string]any{"team_id": 1, "shortcut": "sorry",
		"body": "Sorry for the wait! Let me look at your order."}, nil)
}

func TestChatOperator(t *testing.T) {
	chatOn(t)
	op := newPage(t)
	op.signIn(adminEmail, adminPassword)
	op.open("/chats")
	op.do(chromedp.WaitVisible(chromedp.CSS(`#chat-conn[data-state=live]`)))
	if !get(op, chromedp.Evaluate[bool](`!!document.getElementById("notify-enable")`)) {
		t.Error("the panel has no Enable notifications button")
	}
	// Join the channel and go online, as an operator does in the app.
	op.do(chromedp.Click(chromedp.CSS(`button[aria-label="Join channel Support"]`)), chromedp.WaitVisible(chromedp.CSS(".flash")))
	op.do(chromedp.Click(chromedp.CSS("#availability summary")), chromedp.Click(chromedp.CSS(`#availability button[value=online]`)),
		chromedp.WaitVisible(chromedp.CSS(`#availability summary .dot-online`)))
	op.do(chromedp.WaitVisible(chromedp.CSS(`#chat-conn[data-state=live]`)))

	v := startChat(t, "Sam Visitor", "Hi, my order 42 is late")
	row := fmt.Sprintf(`[data-list=mine] [data-chat="%d"]`, v.id)
	op.do(chromedp.WaitVisible(chromedp.CSS(row))) // live, no reload
	op.waitText("#chat-badge", "1")
	op.screenshot("chats-panel")
	op.checkAxe("the chat panel")

	op.do(chromedp.Click(chromedp.CSS(row + " a")))
	op.waitText("#chat-thread", "Hi, my order 42 is late")
	op.do(chromedp.WaitVisible(chromedp.CSS(`#chat-conn[data-state=live]`)))
	op.waitText(".side", "Order 42")
	v.send(map[string]any{"type": "typing", "active": true})
	op.waitText("#chat-typing", "Sam Visitor is typing")

	op.do(chromedp.Click(chromedp.CSS("#chat-body")), chromedp.SendKeys(chromedp.CSS("#chat-body"), ":so"),
		chromedp.WaitVisible(chromedp.CSS("#chat-body-canned li[aria-selected=true]")))
	op.screenshot("chat-canned")
	op.do(chromedp.SendKeys(chromedp.CSS("#chat-body"), kb.Enter))
	// (chromedp types Enter as a key press plus a separate character, which
	// a real keyboard's cancelled key press never sends: hence the trim.)
	if got := get(op, chromedp.Evaluate[string](`document.getElementById("chat-body").value.trim()`)); got != "Sorry for the wait! Let me look at your order." {
		t.Fatalf("Enter on the canned response left %q in the box", got)
	}
	op.do(chromedp.SendKeys(chromedp.CSS("#chat-body"), kb.Enter))
	v.waitFor("Sorry for the wait!")

	typed := v.typingFrames()
	op.do(chromedp.SendKeys(chromedp.CSS("#chat-body"), "/ticket Late order 42"+kb.Enter))
	op.waitText("#chat-thread .is-private", "Only operators see this")
	op.waitText("#chat-thread", "Ticket #")
	href := get(op, chromedp.Evaluate[string](`(document.querySelector("#chat-thread .is-private .body a[href*='/tickets/']") || {}).href || ""`))
	if !strings.Contains(href, "/tickets/") {
		t.Errorf("the /ticket answer gives no ticket link: %q", href)
	}
	if n := v.typingFrames(); n != typed {
		t.Errorf("typing a command showed the visitor %d typing frames; a command is never shown", n-typed)
	}
	time.Sleep(1100 * time.Millisecond) // the server forwards one typing frame a second per socket
	op.do(chromedp.SendKeys(chromedp.CSS("#chat-body"), "It ships today."+kb.Enter))
	got := v.waitFor("It ships today.")
	if v.typingFrames() == typed {
		t.Error("the visitor never saw the operator typing a public answer")
	}
	want := []string{"Hi, my order 42 is late", "Sorry for the wait! Let me look at your order.", "It ships today."}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("the visitor received %q, want exactly the public messages %q", got, want)
	}
	op.screenshot("chat-view")
	op.fitsPhone()
	op.checkAxe("the chat view")

	visitorPost(t, "/widget/v1/chat/chats/"+v.token+"/end", map[string]any{}, nil)
	op.do(chromedp.WaitNotPresent(chromedp.CSS("#chat-composer"))) // the open page turns into the transcript by itself
	visitorPost(t, "/widget/v1/chat/chats/"+v.token+"/rating", map[string]any{"rating": "satisfied", "comment": "Quick answer"}, nil)
	op.open(fmt.Sprintf("/chats/%d", v.id))
	op.waitText(".chat-rating", "Rated Satisfied")
	op.waitText(".chat-rating", "Quick answer")
	if get(op, chromedp.Evaluate[bool](`!!document.getElementById("chat-composer")`)) {
		t.Error("an ended chat still offers the answer box")
	}
	op.screenshot("chat-ended")
	op.fitsPhone()

	// The ticket composer offers the same canned responses.
	op.open(fmt.Sprintf("/tickets/%d", seeded[0].Number))
	op.do(chromedp.Click(chromedp.CSS("#body")), chromedp.SendKeys(chromedp.CSS("#body"), "Hello :sor"),
		chromedp.WaitVisible(chromedp.CSS("#body-canned li[aria-selected=true]")), chromedp.SendKeys(chromedp.CSS("#body"), kb.Tab))
	if got := get(op, chromedp.Evaluate[string](`document.getElementById("body").value`)); got != "Hello Sorry for the wait! Let me look at your order." {
		t.Errorf("the ticket composer's picker left %q", got)
	}
	// Empty the box again, so leaving the page asks nothing about a draft.
	op.do(chromedp.Evaluate[chromedp.Void](`(b => { b.value = ""; b.dispatchEvent(new Event("input", {bubbles: true})); })(document.getElementById("body"))`))

	for _, path := range []string{"/settings/chat", "/settings/chat/1", "/settings/canned", "/settings/canned/new"} {
		op.open(path)
		op.do(chromedp.WaitVisible(chromedp.CSS("main h2")))
		op.screenshot("settings-" + strings.ReplaceAll(strings.Trim(path, "/"), "/", "-"))
		op.checkAxe(path)
	}
}
