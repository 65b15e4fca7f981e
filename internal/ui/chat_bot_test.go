package ui_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A chat a bot began: the operator's page shows the bot's messages under
// its name with a Bot badge (the visitor's and the operators' without
// it), the answers its question offered, and the visitor's country by
// name.
func TestChatPageMarksTheBot(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		ch, _ := e.liveChat("Sam")
		c, _, err := e.s.Chats.Start(ctx, chat.NewChat{Channel: ch.Slug, VisitorKey: "v-9", Name: "Kim", Country: "DE",
			Message: "Hi", Bot: &chat.Bot{Name: "Sorter", Steps: []chatbot.Step{{Type: chatbot.Question,
				Message: "Sales or support?", Answers: []chatbot.Answer{{Label: "Sales"}, {Label: "Support"}}}}}})
		if err != nil {
			t.Fatal(err)
		}
		page := e.getAs("admin", "/chats/"+itoa(c.ID), http.StatusOK)
		bot := `<li class="chat-msg from-operator from-bot" data-seq="2">
  <div class="msg-head"><strong>Sorter</strong> <span class="badge bot-badge">Bot</span>`
		expect(t, "the bot's message", page, []string{bot, `<li>Sales</li><li>Support</li><li>Talk to a person</li>`,
			`<dd id="visitor-country">Germany <span class="meta">(DE)</span></dd>`}, nil)
		if n := strings.Count(page, "bot-badge"); n != 1 {
			t.Errorf("%d messages carry the Bot badge, want the bot's one", n)
		}
	})
}
