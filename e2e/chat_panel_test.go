package e2e

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// startGardenChat opens a chat on the garden channel as a visitor of the
// install's own origin, and returns its id.
func startGardenChat(t *testing.T, name string) int64 {
	t.Helper()
	var out struct {
		Chat struct {
			ID int64 `json:"id"`
		} `json:"chat"`
	}
	visitorPost(t, "/widget/v1/chat/channels/"+chatSlug+"/chats", map[string]any{"visitor": "v-panel-" + name,
		"name": name}, &out)
	t.Cleanup(func() { endChat(t, out.Chat.ID) })
	return out.Chat.ID
}

// badgeCount is the number on the chat panel's badge (0 when hidden).
func badgeCount(p *page) int {
	s := get(p, chromedp.Evaluate[string](`(b => !b || b.hidden ? "0" : b.textContent)(document.getElementById("chat-badge"))`))
	n, _ := strconv.Atoi(s)
	return n
}

// The /chats page follows the chats as they change, with no reload: a
// new waiting chat appears under Waiting and on the badge, and a chat
// that ends moves to Recently ended.
func TestChatsPageLive(t *testing.T) {
	chatTeam(t)
	if code := chatAPI(t, "PUT", "/operators/me/availability", map[string]any{"status": "online", "capacity": 1}, nil); code != http.StatusOK {
		t.Fatalf("capacity 1: %d", code)
	}
	t.Cleanup(func() {
		chatAPI(t, "PUT", "/operators/me/availability", map[string]any{"status": "online", "capacity": 4}, nil)
	})
	op := newPage(t)
	op.signIn(adminEmail, adminPassword)
	op.open("/chats")
	op.do(chromedp.WaitVisible(chromedp.CSS(`#chat-conn[data-state=live]`)))
	// The operator allowed desktop notifications: headless Chromium shows
	// none, so the page's Notification records what it would have shown.
	get(op, chromedp.Evaluate[bool](`window.shownNotes = [];
		window.Notification = function (title, o) { window.shownNotes.push(title + ": " + o.body); this.close = function () {}; };
		window.Notification.permission = "granted"; true`))

	first := startGardenChat(t, "Ada Gardener")
	op.do(chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#chat-lists [data-chat="%d"]`, first))))
	before := badgeCount(op)
	second := startGardenChat(t, "Bo Waiting")
	waiting := fmt.Sprintf(`[data-list=waiting] [data-chat="%d"]`, second)
	op.do(chromedp.WaitVisible(chromedp.CSS(waiting)))
	op.waitText(waiting, "waiting")
	get(op, chromedp.Poll[bool](fmt.Sprintf(`(b => b && !b.hidden && +b.textContent === %d)(document.getElementById("chat-badge"))`,
		before+1), chromedp.WithPollingTimeout(10*time.Second)))
	op.screenshot("chats-live-waiting")
	notes := get(op, chromedp.Evaluate[[]string](`window.shownNotes`))
	if !slices.Contains(notes, "A chat for you: Ada Gardener") || !slices.Contains(notes, "A visitor is waiting: Bo Waiting") {
		t.Errorf("desktop notifications shown: %q", notes)
	}

	endChat(t, first)
	ended := fmt.Sprintf(`[data-ended] [data-chat="%d"]`, first)
	op.do(chromedp.WaitVisible(chromedp.CSS(ended)))
	op.waitText(ended, "Ada Gardener")
	if get(op, chromedp.Evaluate[bool](`document.querySelector("[data-ended] [data-empty]").hidden`)) != true {
		t.Error("Recently ended still says no chat has ended")
	}
	if n := get(op, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll('#chat-lists [data-chat="%d"]').length`, first))); n != 0 {
		t.Errorf("the ended chat is still in %d of the open lists", n)
	}
	op.screenshot("chats-live-ended")
	op.fitsPhone()
}
