package chat_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func sortingBot() *chat.Bot {
	return &chat.Bot{Name: "Sorter", Steps: []chatbot.Step{
		{Type: chatbot.Question, Message: "What do you need?", Answers: []chatbot.Answer{{Label: "Sales"}, {Label: "Support"}}},
		{Type: chatbot.Forward, OnlyIf: []chatbot.Condition{{Step: 0, Answer: "Support"}}},
		{Type: chatbot.Email, Message: "Your email, please?"},
		{Type: chatbot.CreateTicket, Message: "Opening a ticket."},
	}}
}

// say posts a visitor message and returns the chat's public log after it.
func (f *fixture) say(t *testing.T, chatID int64, body string) string {
	t.Helper()
	if _, err := f.c.Post(context.Background(), chat.NewMessage{ChatID: chatID, Author: chat.Visitor, Body: body}); err != nil {
		t.Fatalf("say %q: %v", body, err)
	}
	return f.log(t, chatID, false)
}

func (f *fixture) log(t *testing.T, chatID int64, private bool) string {
	t.Helper()
	ms, err := f.c.Messages(context.Background(), chatID, 0, private)
	if err != nil {
		t.Fatal(err)
	}
	var b []string
	for _, m := range ms {
		who := string(m.Author)
		if m.Bot {
			who = "bot " + m.Operator.Name
		}
		line := who + ": " + m.Body
		if len(m.Choices) > 0 {
			var labels []string
			for _, c := range m.Choices {
				labels = append(labels, c.Label)
			}
			line += " [" + strings.Join(labels, "|") + "]"
		}
		b = append(b, line)
	}
	return strings.Join(b, "\n")
}

// Nobody online: the bot still answers, asks again on free text, takes
// an email and opens a ticket on the channel's team with the answers.
func TestBotQuestionEmailTicket(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		c, _, err := f.c.Start(ctx, chat.NewChat{Channel: f.slug, VisitorKey: "v1", Bot: sortingBot()})
		if err != nil {
			t.Fatalf("a bot chat must start with nobody online: %v", err)
		}
		if c.Bot != "Sorter" || c.Place != 0 {
			t.Errorf("the chat while the bot holds it: %+v", c)
		}
		if log := f.log(t, c.ID, false); log != "bot Sorter: What do you need? [Sales|Support|Talk to a person]" {
			t.Fatalf("the bot's first words: %q", log)
		}
		log := f.say(t, c.ID, "how much is it?")
		if !strings.HasSuffix(log, "bot Sorter: Please choose one of the answers. What do you need? [Sales|Support|Talk to a person]") {
			t.Fatalf("free text at a question: %q", log)
		}
		f.say(t, c.ID, "sales")
		if log := f.say(t, c.ID, "sam@"); !strings.HasSuffix(log, "That does not look like an email address. Please type it again, like name@example.com.") {
			t.Fatalf("a bad email: %q", log)
		}
		log = f.say(t, c.ID, "sam@example.com")
		if !strings.Contains(log, "bot Sorter: Opening a ticket.") || !strings.Contains(log, "is open: we will answer by mail.") {
			t.Fatalf("the ticket step: %q", log)
		}
		c, _ = f.c.Get(ctx, c.ID)
		if c.Ticket == nil || c.State != chat.Queued || c.Bot != "" || c.Visitor.Email != "sam@example.com" {
			t.Fatalf("after the script: %+v", c)
		}
		tk, err := f.s.Tickets.Get(ctx, c.Ticket.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"What do you need?: Sales", "Your email, please?: sam@example.com", "how much is it?"} {
			if !strings.Contains(tk.Description, want) {
				t.Errorf("the ticket's description lacks %q:\n%s", want, tk.Description)
			}
		}
		if tk.Team.ID != f.team.ID {
			t.Errorf("the ticket is on team %d, want the channel's %d", tk.Team.ID, f.team.ID)
		}
		// Nobody answers: the chat is missed from the hand-over on, and
		// makes no second ticket.
		f.clock.add(61 * time.Second)
		if n, err := f.c.Sweep(ctx); err != nil || n != 1 {
			t.Fatalf("sweep: %d %v", n, err)
		}
		if c, _ = f.c.Get(ctx, c.ID); c.State != chat.Missed || c.Ticket.ID != tk.ID {
			t.Errorf("after the sweep: %+v", c)
		}
	})
}

// Forward hands the chat to an operator who is there, with the answers
// as a private note; with nobody there the script goes on.
func TestBotForward(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		c, _, err := f.c.Start(ctx, chat.NewChat{Channel: f.slug, VisitorKey: "v1", Bot: sortingBot()})
		if err != nil {
			t.Fatal(err)
		}
		if log := f.say(t, c.ID, "Support"); !strings.HasSuffix(log, "bot Sorter: Nobody is available right now.\nbot Sorter: Your email, please?") {
			t.Fatalf("forward with nobody online: %q", log)
		}

		ada := f.operator(t, "Ada")
		c2, _, err := f.c.Start(ctx, chat.NewChat{Channel: f.slug, VisitorKey: "v2", Bot: sortingBot()})
		if err != nil {
			t.Fatal(err)
		}
		if c2.Operator != nil || c2.State != chat.Queued {
			t.Fatalf("the bot holds a new chat even with an operator online: %+v", c2)
		}
		f.say(t, c2.ID, "Talk to a person")
		c2, _ = f.c.Get(ctx, c2.ID)
		if c2.State != chat.Active || c2.Operator == nil || c2.Operator.ID != ada.ID || c2.Bot != "" {
			t.Fatalf("talk to a person with Ada online: %+v", c2)
		}
		f.say(t, c2.ID, "Hello?") // the bot has let go: no answer from it
		if log := f.log(t, c2.ID, false); strings.Count(log, "bot Sorter") != 1 {
			t.Errorf("the bot spoke after the hand-over: %q", log)
		}
		f.say(t, c2.ID, "Sales") // not an answer to the bot any more
		if log := f.log(t, c2.ID, false); strings.Contains(log, "Your email") {
			t.Errorf("the bot went on after the hand-over: %q", log)
		}

		// An operator may take a chat from the bot: the bot lets go.
		f.c.SetCapacity(ctx, ada.ID, 5)
		c3, _, err := f.c.Start(ctx, chat.NewChat{Channel: f.slug, VisitorKey: "v3", Bot: sortingBot()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.c.Take(ctx, c3.ID, ada.ID); err != nil {
			t.Fatalf("take from the bot: %v", err)
		}
		f.say(t, c3.ID, "Sales")
		if c3, _ = f.c.Get(ctx, c3.ID); c3.Bot != "" || strings.Contains(f.log(t, c3.ID, false), "Your email") {
			t.Errorf("the bot went on after an operator took the chat: %+v\n%s", c3, f.log(t, c3.ID, false))
		}
	})
}

// Two quick messages, sent at once, each get the bot's reply right after
// them and in order: the reply commits in the transaction that stores
// the message it answers, so no reply is lost to the other message.
func TestBotAnswersQuickMessagesInOrder(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		var steps []chatbot.Step
		for i := 1; i <= 10; i++ {
			steps = append(steps, chatbot.Step{Type: chatbot.FreeInput, Message: fmt.Sprintf("Question %d?", i)})
		}
		c, _, err := f.c.Start(ctx, chat.NewChat{Channel: f.slug, VisitorKey: "v1", Bot: &chat.Bot{Name: "Quiz", Steps: steps}})
		if err != nil {
			t.Fatal(err)
		}
		for round := 0; round < 4; round++ {
			var wg sync.WaitGroup
			for i := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					m := chat.NewMessage{ChatID: c.ID, Author: chat.Visitor, Body: fmt.Sprintf("answer %d.%d", round, i),
						ClientID: fmt.Sprintf("c-%d-%d", round, i)}
					if _, err := f.c.Post(ctx, m); err != nil {
						t.Errorf("post: %v", err)
					}
				}()
			}
			wg.Wait()
		}
		ms, err := f.c.Messages(ctx, c.ID, 0, false)
		if err != nil {
			t.Fatal(err)
		}
		// The greeting question, then visitor and bot in turn.
		if len(ms) != 1+2*8 {
			t.Fatalf("%d messages, want the first question and 8 answers each with its reply:\n%s", len(ms), f.log(t, c.ID, false))
		}
		for i := 1; i < len(ms); i += 2 {
			want := fmt.Sprintf("Question %d?", i/2+2)
			if ms[i].Author != chat.Visitor || !ms[i+1].Bot || ms[i+1].Body != want {
				t.Fatalf("message %d and %d: %s %q, %q; want a visitor's answer, then the bot's %q:\n%s",
					ms[i].Seq, ms[i+1].Seq, ms[i].Author, ms[i].Body, ms[i+1].Body, want, f.log(t, c.ID, false))
			}
		}
	})
}
