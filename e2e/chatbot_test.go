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
// visitor needs, takes an email and opens a ticket; the ticket, with the
// answers, is then in the operators' inbox. The admin edits the script
// and tests it in the preview pane.
func TestChatbotMakesATicket(t *testing.T) {
	chatTeam(t)
	var bot struct{ ID int64 }
	script := map[string]any{"name": "Garden bot", "steps": []map[string]any{
		{"type": "question", "message": "What do you need?", "answers": []map[string]string{{"label": "Seeds"}, {"label": "Tools"}}},
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
	visitor.waitLog("What do you need?\n1. Seeds\n2. Tools\n3. Talk to a person")
	visitor.say("a rake?")
	visitor.waitLog("Please choose one of the answers.")
	visitor.say("Tools")
	visitor.waitLog("Your email, please?")
	visitor.say("rosa.bot@example.com")
	visitor.waitLog("Thank you, a gardener will write to you.")
	visitor.waitLog("is open: we will answer by mail.")
	visitor.screenshot("chatbot-visitor")
	c := newestChat(t, "active") // the admin is online: the chat went on to them
	endChat(t, c.ID)

	op := newPage(t)
	op.signIn(adminEmail, adminPassword)
	op.open("/inbox?view=open&channel=chat&team=" + chatSlug)
	op.do(chromedp.WaitVisible(chromedp.CSS("main")))
	link := get(op, chromedp.Evaluate[string](`(a => a ? a.getAttribute("href") : "")([...document.querySelectorAll("main a")].find(a => a.textContent.includes("rosa.bot@example.com")))`))
	if link == "" {
		t.Fatalf("the chatbot's ticket is not in the inbox:\n%s", get(op, chromedp.Evaluate[string](`document.querySelector("main").innerText`)))
	}
	op.open(link)
	text := get(op, chromedp.Evaluate[string](`document.querySelector("main").innerText`))
	for _, want := range []string{"What do you need?: Tools", "Your email, please?: rosa.bot@example.com", "a rake?"} {
		if !strings.Contains(text, want) {
			t.Errorf("the ticket lacks %q:\n%s", want, text)
		}
	}

	// The editor and its preview pane.
	op.open(fmt.Sprintf("/settings/chatbots/%d", bot.ID))
	op.do(chromedp.SendKeys(chromedp.CSS("#preview-input"), "2"), chromedp.Click(chromedp.CSS(`.preview-form button[value=send]`)))
	// The answer posts the form: wait for the page it brings back.
	preview := `(document.querySelector("#preview") || {}).innerText || ""`
	for i := 0; i < 100 && !strings.Contains(get(op, chromedp.Evaluate[string](preview)), "Your email, please?"); i++ {
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
