package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A chatbot in front of the garden channel on one page: it asks what the
// visitor needs with answer buttons, takes an email and opens a ticket;
// the ticket, with the answers in its description and its Garden need
// field, is then in the operators' inbox, and the operator sees the
// bot's messages marked as the bot's. The admin edits the script and
// tests it in the preview pane.
func TestChatbotMakesATicket(t *testing.T) {
	chatTeam(t)
	var need struct{ ID int64 }
	if code := chatAPI(t, "POST", "/fields", map[string]any{"name": "garden_need", "label": "Garden need",
		"type": "choice", "options": []string{"Seeds", "Tools"}}, &need); code != http.StatusCreated {
		t.Fatalf("create the field: %d", code)
	}
	t.Cleanup(func() { chatAPI(t, "DELETE", fmt.Sprintf("/fields/%d", need.ID), nil, nil) })
	var bot struct{ ID int64 }
	script := map[string]any{"name": "Garden bot", "steps": []map[string]any{
		{"type": "question", "message": "What do you need?", "field": "garden_need",
			"answers": []map[string]string{{"label": "Seeds"}, {"label": "Tools"}}},
		{"type": "email", "message": "Your email, please?"},
		{"type": "create_ticket", "message": "Thank you, a gardener will write to you."},
	}}
	if code := chatAPI(t, "POST", "/chatbots", script, &bot); code != http.StatusCreated {
		t.Fatalf("create the chatbot: %d", code)
	}
	t.Cleanup(func() { chatAPI(t, "DELETE", fmt.Sprintf("/chatbots/%d", bot.ID), nil, nil) }) // after the rules are gone
	setChatRules(t, []map[string]any{{"action": "notify", "url": "^/bot-page", "chatbot_id": bot.ID}})

	visitor := newPage(t)
	visitor.do(chromedp.Navigate(chatHostPage(t, "/bot-page")))
	visitor.openChat()
	visitor.say("Hello")
	visitor.waitLog("Garden bot")
	visitor.waitLog("What do you need?")
	buttons := `[...w.querySelectorAll(".fdc-choices:not([hidden]) button")].map(b => b.textContent)`
	if got := strings.Join(inWidget[[]string](visitor, buttons), "|"); got != "Seeds|Tools|Talk to a person" {
		t.Fatalf("the question's buttons: %q", got)
	}
	visitor.screenshot("chatbot-visitor-buttons")
	visitor.say("a rake?") // typing still works: the question comes again, with its buttons
	visitor.waitLog("Please choose one of the answers.")
	waitButtons := func(want int) {
		for i := 0; i < 100 && len(inWidget[[]string](visitor, buttons)) != want; i++ {
			time.Sleep(100 * time.Millisecond)
		}
		if got := inWidget[[]string](visitor, buttons); len(got) != want {
			t.Fatalf("%d answer buttons shown, want %d: %q", len(got), want, got)
		}
	}
	waitButtons(3)
	// Keyboard: the button takes the focus and Enter presses it.
	visitor.do(chromedp.Focus(in(".fdc-choices:not([hidden]) button:nth-child(2)")), chromedp.KeyEvent("\r"))
	visitor.waitLog("Your email, please?")
	waitButtons(0) // the answered question offers its buttons no more
	visitor.say("rosa.bot@example.com")
	visitor.waitLog("Thank you, a gardener will write to you.")
	visitor.waitLog("is open: we will answer by mail.")
	// The Enter that pressed the button did not land in the answer box.
	if got := strings.Join(inWidget[[]string](visitor, `[...w.querySelectorAll(".fdc-m.me p")].map(p => p.textContent)`), "|"); got != "Hello|a rake?|Tools|rosa.bot@example.com" {
		t.Errorf("the visitor's messages: %q", got)
	}
	visitor.screenshot("chatbot-visitor")
	c := newestChat(t, "active") // the admin is online: the chat went on to them

	op := newPage(t)
	op.signIn(adminEmail, adminPassword)
	op.open(fmt.Sprintf("/chats/%d", c.ID))
	op.waitText("#chat-thread", "What do you need?")
	botMarks := `[...document.querySelectorAll("#chat-thread .chat-msg.from-bot")].map(li => li.querySelector(".msg-head").textContent.replace(/\s+/g, " ").trim())`
	marks := get(op, chromedp.Evaluate[[]string](botMarks))
	if len(marks) < 3 || !strings.HasPrefix(marks[0], "Garden bot Bot") {
		t.Errorf("the operator's thread does not mark the bot's messages: %q", marks)
	}
	if n := get(op, chromedp.Evaluate[int](`document.querySelectorAll("#chat-thread .chat-msg.from-visitor .bot-badge").length`)); n != 0 {
		t.Errorf("%d visitor messages carry the bot badge", n)
	}
	op.do(chromedp.EmulateViewport(390, 844))
	if w := get(op, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > 390 {
		t.Errorf("the chat with the bot's messages is %dpx wide at 390px: it scrolls sideways", w)
	}
	op.screenshot("chatbot-operator-thread")
	op.checkAxe("a chat with the bot's messages")
	endChat(t, c.ID)

	op.open("/inbox?view=open&channel=chat&team=" + chatSlug)
	op.do(chromedp.WaitVisible(chromedp.CSS("main")))
	link := get(op, chromedp.Evaluate[string](`(a => a ? a.getAttribute("href") : "")([...document.querySelectorAll("main a[href^='/tickets/']")].find(a => a.textContent.includes("rosa.bot@example.com")))`))
	if link == "" {
		t.Fatalf("the chatbot's ticket is not in the inbox:\n%s", get(op, chromedp.Evaluate[string](`document.querySelector("main").innerText`)))
	}
	t.Logf("the ticket: %s", link)
	op.open(link)
	text := get(op, chromedp.Evaluate[string](`document.querySelector("main").innerText`))
	for _, want := range []string{"What do you need?: Tools", "Your email, please?: rosa.bot@example.com", "a rake?"} {
		if !strings.Contains(text, want) {
			t.Errorf("the ticket lacks %q:\n%s", want, text)
		}
	}
	field := `(l => l ? document.getElementById(l.htmlFor).value : "no such field")([...document.querySelectorAll("#fields label")].find(l => l.textContent.trim() === "Garden need"))`
	if got := get(op, chromedp.Evaluate[string](field)); got != "Tools" {
		t.Errorf("the ticket's Garden need field: %q, want the answer Tools", got)
	}

	// The editor and its preview pane: the answers are buttons there too.
	op.open(fmt.Sprintf("/settings/chatbots/%d", bot.ID))
	if got := get(op, chromedp.Evaluate[string](`document.querySelector("#field_0").value`)); got != "garden_need" {
		t.Errorf("the editor's field for step 1: %q", got)
	}
	op.do(chromedp.Click(chromedp.CSS(`.answer-buttons button[value="Tools"]`)))
	// The answer posts the form: wait for the page it brings back.
	preview := `(document.querySelector("#preview") || {}).innerText || ""`
	for range 100 {
		// While the page is being replaced an evaluation fails: look again.
		text, err := chromedp.Run(op.ctx, chromedp.Evaluate[string](preview))
		if err == nil && strings.Contains(text, "Your email, please?") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if got := get(op, chromedp.Evaluate[string](preview)); !strings.Contains(got, "Your email, please?") {
		t.Errorf("the preview did not go on to the email step:\n%s", got)
	}
	op.checkAxe("a chatbot's editor with its preview")
	op.screenshot("settings-chatbot")
	op.open("/settings/chatbots")
	op.screenshot("settings-chatbots")
	op.open(fmt.Sprintf("/settings/chat/%d#rules", chatEnv.channelID))
	op.screenshot("settings-chat-rules")
}
