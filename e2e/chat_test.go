package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// A visitor on a host site on another origin chats with the operator:
// messages both ways, the operator's typing shown, payloads inert, then
// the visitor ends the chat and the rating reaches the operator.
func TestChatWithOperator(t *testing.T) {
	chatTeam(t)
	visitor := newPage(t)
	visitor.do(chromedp.Navigate(chatHostPage(t, "/chat-a")))
	visitor.waitWidgetText(".bubble", "Questions about plants? Chat with us.")
	visitor.openChat()
	if ph := inWidget[string](visitor, `w.querySelector("#fdc-text").placeholder`); ph != "Ask the gardeners…" {
		t.Errorf("placeholder %q", ph)
	}
	visitor.waitLog(chatWelcome) // the payload shows as text
	visitor.say("Do you sell hoses? " + chatPayload)
	visitor.waitLog("Do you sell hoses? " + chatPayload)
	c := newestChat(t, "active")
	t.Cleanup(func() { endChat(t, c.ID) })
	visitor.waitWidgetText(".sub", "You are chatting with")

	// The operator types, from the agent app's socket, then answers.
	operator := newPage(t)
	operator.signIn(adminEmail, adminPassword)
	operator.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`new Promise(ok => {
		const ws = new WebSocket(location.origin.replace("http", "ws") + "/chats/socket");
		window.opSocket = ws;
		window.opFrames = [];
		ws.onmessage = ev => window.opFrames.push(JSON.parse(ev.data));
		ws.onopen = () => { ws.send(JSON.stringify({type: "resume", chat_id: %d, after: 0})); ok(); };
	})`, c.ID), chromedp.EvalAwaitPromise))
	operator.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`window.opSocket.send(JSON.stringify({type: "typing", chat_id: %d, active: true, first: "Y"}))`, c.ID)))
	visitor.waitWidgetText(".fdc-typing", "is typing…")
	// And the other way: the visitor's typing reaches the operator.
	visitor.do(chromedp.SendKeys(in("#fdc-text"), "Do"))
	typing := `window.opFrames.some(f => f.type === "typing" && f.from === "visitor" && f.active)`
	for i := 0; i < 50 && !get(operator, chromedp.Evaluate[bool](typing)); i++ {
		time.Sleep(100 * time.Millisecond)
	}
	if !get(operator, chromedp.Evaluate[bool](typing)) {
		t.Error("the operator's socket never got the visitor's typing")
	}
	visitor.setWidgetValue("#fdc-text", "")
	operatorSays(t, c.ID, "Yes, 15 m and 25 m. "+chatPayload)
	visitor.waitLog("Yes, 15 m and 25 m. " + chatPayload)
	if got := inWidget[string](visitor, `w.querySelector(".fdc-typing").textContent`); got != "" {
		t.Errorf("typing still shown after the message: %q", got)
	}
	// A file goes up over HTTP and shows as a link from the chat's files.
	receipt := filepath.Join(t.TempDir(), "hose receipt.txt")
	if err := os.WriteFile(receipt, []byte("Hose, 25 m, paid"), 0o600); err != nil {
		t.Fatal(err)
	}
	visitor.do(chromedp.SetUploadFiles(in("#fdc-files"), []string{receipt}),
		chromedp.Click(in(`form[aria-label="Write a message"] button[type=submit]`)))
	visitor.waitWidgetText(".fdc-log a", "hose receipt.txt")
	if href := inWidget[string](visitor, `w.querySelector(".fdc-log a").href`); !strings.HasPrefix(href, srv.url+"/widget/v1/chat/chats/") {
		t.Errorf("the file's link %q", href)
	}
	inert(t, visitor, "the host page with the chat")
	visitor.screenshot("chat-widget")

	// The host site moves on with the history API: the operator's
	// /history lists the new page.
	visitor.do(chromedp.Evaluate[chromedp.Void](`history.pushState({}, "", "/chat-a/hoses")`))
	var pages string
	for i := 0; i < 20 && !strings.Contains(pages, "/chat-a/hoses"); i++ {
		time.Sleep(200 * time.Millisecond)
		var out struct{ Message struct{ Body string } }
		chatAPI(t, "POST", fmt.Sprintf("/chats/%d/messages", c.ID), map[string]string{"body": "/history"}, &out)
		pages = out.Message.Body
	}
	if !strings.Contains(pages, "/chat-a/hoses") {
		t.Errorf("the operator's /history does not list the page the visitor moved to: %q", pages)
	}
	if strings.Contains(strings.Join(chatLog(visitor), "\n"), "/chat-a/hoses") {
		t.Error("the visitor sees the operator's private /history")
	}

	// An operator message while the window is closed counts on the badge.
	visitor.do(chromedp.Click(in(".x")))
	operatorSays(t, c.ID, "Anything else?")
	visitor.waitWidgetText(".count", "1")
	visitor.do(chromedp.Click(in(".launcher")))
	visitor.waitLog("Anything else?")
	if inWidget[bool](visitor, `!w.querySelector(".count").hidden`) {
		t.Error("the unread badge stays after the window opened")
	}

	// The visitor ends the chat, confirms, and rates it.
	visitor.do(chromedp.Click(in(".fdc-end")), chromedp.WaitVisible(in(".fdc-yes")), chromedp.Click(in(".fdc-yes")))
	visitor.waitWidgetText(".fdc-status", "The chat has ended.")
	visitor.do(chromedp.Click(in(`input[value=satisfied]`)), chromedp.SendKeys(in("#fdc-comment"), "Quick and kind"),
		chromedp.Click(in(`form[aria-label="Rate this chat"] button[type=submit]`)))
	visitor.waitWidgetText(".fdc-ok", "Thanks for your rating.")
	visitor.do(chromedp.SendKeys(in("#fdc-transcript"), "sam@example.com"),
		chromedp.Click(in(`form[aria-label="Mail the transcript"] button[type=submit]`)))
	visitor.waitWidgetText(".fdc-mailed", "We have mailed the transcript to sam@example.com.")
	visitor.screenshot("chat-widget-ended")
	var got apiChat
	chatAPI(t, "GET", fmt.Sprintf("/chats/%d", c.ID), nil, &got)
	if got.State != "ended" || got.Rating == nil || *got.Rating != "satisfied" || got.RatingComment != "Quick and kind" {
		t.Errorf("the operator sees state %s, rating %v %q", got.State, got.Rating, got.RatingComment)
	}
}

// The visitor's network drops while the operator sends three messages:
// back online, all three show once, in order, and what the visitor sent
// meanwhile is marked unsent and goes on Retry.
func TestChatSurvivesNetworkDrop(t *testing.T) {
	chatTeam(t)
	visitor := newPage(t)
	visitor.do(chromedp.Navigate(chatHostPage(t, "/chat-b")))
	visitor.openChat()
	visitor.say("Hello, my rake broke")
	visitor.waitLog("Hello, my rake broke")
	c := newestChat(t, "active")
	t.Cleanup(func() { endChat(t, c.ID) })
	operatorSays(t, c.ID, "Sorry to hear that.")
	visitor.waitLog("Sorry to hear that.")

	visitor.offline(true)
	visitor.say("Are you still there?")
	visitor.waitWidgetText(".fdc-fail", "Not sent")
	for _, m := range []string{"One: which model?", "Two: when did you buy it?", "Three: a photo would help."} {
		operatorSays(t, c.ID, m)
	}
	visitor.offline(false)
	visitor.waitLog("Three: a photo would help.")
	visitor.do(chromedp.Click(in(".fdc-fail button")))
	visitor.waitLog("Are you still there?")
	time.Sleep(time.Second) // a repeat would come right after
	log := chatLog(visitor)
	var seen []string
	for _, l := range log {
		for _, m := range []string{"One:", "Two:", "Three:", "Are you still there?"} {
			if strings.Contains(l, m) {
				seen = append(seen, m)
			}
		}
	}
	if strings.Join(seen[:3], " ") != "One: Two: Three:" || len(seen) != 4 {
		t.Errorf("after the drop the chat shows %q; want One, Two, Three once each, in order, and the retried message once", seen)
	}

	// A reload resumes the same chat from the browser's storage; what
	// was said before is no news for the unread badge.
	before := len(chatLog(visitor))
	visitor.do(chromedp.Reload(), chromedp.WaitVisible(in(".launcher")))
	time.Sleep(time.Second)
	if inWidget[bool](visitor, `!w.querySelector(".count").hidden`) {
		t.Error("after a reload the badge counts messages read before")
	}
	visitor.do(chromedp.Click(in(".launcher")))
	visitor.waitLog("Three: a photo would help.")
	if after := len(chatLog(visitor)); after != before {
		t.Errorf("after a reload the chat shows %d messages, before %d", after, before)
	}
}

// offline cuts the page's network (DevTools offline), or brings it back.
func (p *page) offline(on bool) {
	p.t.Helper()
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		rules := []*network.Conditions{} // none: the network as it is
		if on {
			rules = append(rules, &network.Conditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
		}
		_, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: rules})
		if err != nil {
			return err
		}
		// The rule cuts requests; navigator.onLine and its events follow the state.
		_, err = cdp.Call(ctx, t, network.OverrideNetworkState, network.OverrideNetworkStateParams{
			Offline: on, DownloadThroughput: -1, UploadThroughput: -1})
		return err
	}))
}

// Nobody online: the widget offers the offline form, which opens a
// ticket on the team with channel chat.
func TestChatOfflineForm(t *testing.T) {
	chatTeam(t)
	setOnline(t, "offline")
	t.Cleanup(func() { setOnline(t, "online") })
	visitor := newPage(t)
	visitor.do(chromedp.Navigate(chatHostPage(t, "/chat-c")))
	visitor.do(chromedp.WaitVisible(in(".bubble")), chromedp.Click(in(".launcher")), chromedp.WaitVisible(in("#fdc-name")))
	visitor.do(chromedp.Click(in(`form[aria-label="Leave a message"] button[type=submit]`)))
	visitor.waitWidgetText("#fdc-email-err", "Please fill this in.")
	visitor.screenshot("chat-offline-form")
	visitor.do(chromedp.SendKeys(in("#fdc-name"), "Olive "+chatPayload), chromedp.SendKeys(in("#fdc-email"), "olive@example.com"),
		chromedp.SendKeys(in("#fdc-message"), "Do you ship seeds abroad?"),
		chromedp.Click(in(`form[aria-label="Leave a message"] button[type=submit]`)))
	visitor.waitWidgetText(".fdc-ok", "We will reply by mail.")
	n := ticketNumberIn(t, inWidget[string](visitor, `w.querySelector(".fdc-ok").textContent`))
	var tk struct {
		Channel string
		Team    struct{ Slug string }
	}
	if code := chatAPI(t, "GET", fmt.Sprintf("/tickets/%%23%d", n), nil, &tk); code != http.StatusOK || tk.Channel != "chat" || tk.Team.Slug != chatSlug {
		t.Errorf("ticket #%d: %d, channel %q, team %q", n, code, tk.Channel, tk.Team.Slug)
	}
	inert(t, visitor, "the offline form")
}

// The pre-chat form asks what the channel wants; the server's refusal
// shows beside its field.
func TestChatPrechatForm(t *testing.T) {
	chatTeam(t)
	code := chatAPI(t, "PATCH", fmt.Sprintf("/chat-channels/%d", chatEnv.channelID), map[string]any{"options": map[string]any{
		"welcome_message": chatWelcome, "notification_text": "Questions about plants? Chat with us.",
		"prechat_name": "optional", "prechat_email": "required"}}, nil)
	if code != http.StatusOK {
		t.Fatalf("prechat options: %d", code)
	}
	t.Cleanup(func() { chatOptions(t, 60) })
	visitor := newPage(t)
	visitor.do(chromedp.Navigate(chatHostPage(t, "/chat-e")))
	visitor.openChat()
	visitor.do(chromedp.WaitVisible(in("#fdc-email")), chromedp.SendKeys(in("#fdc-email"), "not an address"))
	visitor.say("Hello?")
	visitor.waitWidgetText("#fdc-email-err", "")
	if msg := inWidget[string](visitor, `w.querySelector("#fdc-email-err").textContent`); msg == "" ||
		inWidget[string](visitor, `w.querySelector("#fdc-email").getAttribute("aria-invalid")`) != "true" {
		t.Errorf("no error beside the email: %q", msg)
	}
	visitor.screenshot("chat-prechat")
	visitor.setWidgetValue("#fdc-email", "pat@example.com")
	visitor.do(chromedp.SendKeys(in("#fdc-name"), "Pat"))
	visitor.say("Hello?")
	visitor.waitLog("Hello?")
	c := newestChat(t, "active")
	endChat(t, c.ID)
	visitor.waitWidgetText(".fdc-status", "The chat has ended.")
	if v := inWidget[string](visitor, `w.querySelector("#fdc-transcript").value`); v != "pat@example.com" {
		t.Errorf("the transcript's address is not the given email: %q", v)
	}
}

// ticketNumberIn reads "#1042" out of a text.
func ticketNumberIn(t *testing.T, text string) int64 {
	t.Helper()
	var n int64
	i := strings.Index(text, "#")
	if i < 0 {
		t.Fatalf("no ticket number in %q", text)
	}
	fmt.Sscanf(text[i+1:], "%d", &n)
	return n
}

// A chat nobody answers in time is missed: the widget offers the form
// with what the visitor had typed, and it becomes a ticket.
func TestChatMissedBecomesTicket(t *testing.T) {
	chatTeam(t)
	chatOptions(t, 10)
	t.Cleanup(func() { chatOptions(t, 60) })
	visitor := newPage(t)
	visitor.do(chromedp.Navigate(chatHostPage(t, "/chat-d")))
	visitor.openChat()
	visitor.say("Is anyone there?")
	visitor.waitLog("Is anyone there?")
	c := newestChat(t, "active")
	t.Cleanup(func() { endChat(t, c.ID) })
	visitor.do(chromedp.SendKeys(in("#fdc-text"), "My order is A-77"))
	for i := 0; i < 400 && !inWidget[bool](visitor, `!!w.querySelector("#fdc-email")`); i++ {
		time.Sleep(100 * time.Millisecond) // missed after 10 s, swept every 5 s
	}
	if got := inWidget[string](visitor, `w.querySelector("#fdc-message").value`); !strings.Contains(got, "My order is A-77") {
		t.Errorf("the missed-chat form does not keep the unsent text: %q", got)
	}
	visitor.screenshot("chat-missed")
	visitor.do(chromedp.SendKeys(in("#fdc-name"), "Mo"), chromedp.SendKeys(in("#fdc-email"), "mo@example.com"),
		chromedp.Click(in(`form[aria-label="Leave a message"] button[type=submit]`)))
	visitor.waitWidgetText(".fdc-ok", "We will reply by mail.")
	n := ticketNumberIn(t, inWidget[string](visitor, `w.querySelector(".fdc-ok").textContent`))
	var tk struct{ Channel, Description string }
	if code := chatAPI(t, "GET", fmt.Sprintf("/tickets/%%23%d", n), nil, &tk); code != http.StatusOK || tk.Channel != "chat" ||
		!strings.Contains(tk.Description, "Is anyone there?") || !strings.Contains(tk.Description, "My order is A-77") {
		t.Errorf("ticket #%d: %d, channel %q, description %q", n, code, tk.Channel, tk.Description)
	}
}

// The direct chat link is a page of its own that chats like the widget;
// an unknown channel is a 404 page.
func TestChatDirectPage(t *testing.T) {
	chatTeam(t)
	p := newPage(t)
	p.open("/chat/" + chatSlug)
	p.do(chromedp.WaitVisible(chromedp.JSPath(`document.querySelector("#fd-chat").shadowRoot.querySelector("#fdc-text")`)))
	send := `(t => { const s = document.querySelector("#fd-chat").shadowRoot; s.querySelector("#fdc-text").value = t;
		s.querySelector("form[aria-label='Write a message'] button[type=submit]").click(); })`
	p.do(chromedp.Evaluate[chromedp.Void](send + `("Hello from the link")`))
	c := newestChat(t, "active")
	t.Cleanup(func() { endChat(t, c.ID) })
	operatorSays(t, c.ID, "Hello back")
	logText := `document.querySelector("#fd-chat").shadowRoot.querySelector(".fdc-log").textContent`
	for i := 0; i < 100 && !strings.Contains(get(p, chromedp.Evaluate[string](logText)), "Hello back"); i++ {
		time.Sleep(100 * time.Millisecond)
	}
	if got := get(p, chromedp.Evaluate[string](logText)); !strings.Contains(got, "Hello from the link") || !strings.Contains(got, "Hello back") {
		t.Errorf("the direct page's chat shows %q", got)
	}
	p.fitsPhone()
	p.screenshot("chat-direct")
	p.checkAxe("the direct chat page")
	inert(t, p, "the direct chat page")
	p.open("/chat/no-such-channel")
	p.waitText("h1", "This link does not work")
}

// With every seat taken, a new visitor waits in line and sees their
// place; when a seat frees, the chat is theirs.
func TestChatQueuePlace(t *testing.T) {
	chatTeam(t)
	if code := chatAPI(t, "PUT", "/operators/me/availability", map[string]any{"status": "online", "capacity": 1}, nil); code != http.StatusOK {
		t.Fatalf("capacity 1: %d", code)
	}
	t.Cleanup(func() {
		chatAPI(t, "PUT", "/operators/me/availability", map[string]any{"status": "online", "capacity": 4}, nil)
	})
	first := newPage(t)
	first.do(chromedp.Navigate(chatHostPage(t, "/chat-q1")))
	first.openChat()
	first.say("I was here first")
	first.waitLog("I was here first")
	a := newestChat(t, "active")
	t.Cleanup(func() { endChat(t, a.ID) })

	second := newPage(t)
	second.do(chromedp.Navigate(chatHostPage(t, "/chat-q2")))
	second.openChat()
	second.waitWidgetText(".fdc-status", "Everyone is busy")
	second.say("Me too")
	second.waitWidgetText(".fdc-status", "You are number 1 in line.")
	b := newestChat(t, "waiting")
	t.Cleanup(func() { endChat(t, b.ID) })
	second.screenshot("chat-queued")
	endChat(t, a.ID)
	second.waitWidgetText(".sub", "You are chatting with")
	second.waitWidgetText(".fdc-status", "joined the chat.")
}
