package chat_test

import (
	"context"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The answers of steps that name a ticket field fill those fields of the
// ticket the bot opens; the typed email and phone give the new contact
// its address and number; an answer a field cannot take stays out of it.
func TestBotAnswersFillTicketFields(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		for _, in := range []field.Input{
			{Name: "need", Label: "Need", Type: field.Choice, Options: []string{"Sales", "Support"}},
			{Name: "order_no", Label: "Order number", Type: field.Text},
			{Name: "problem", Label: "Problem", Type: field.LongText},
			{Name: "callback", Label: "Call back on", Type: field.Text},
		} {
			if _, err := f.s.Fields.Create(ctx, in); err != nil {
				t.Fatal(err)
			}
		}
		sc, err := f.s.Chatbots.Create(ctx, chatbot.Input{Name: "Sorter", Steps: []chatbot.Step{
			{Type: chatbot.Question, Message: "What do you need?", Field: "need",
				Answers: []chatbot.Answer{{Label: "Sales"}, {Label: "Support"}}},
			{Type: chatbot.FreeInput, Message: "Your order number?", Field: "order_no"},
			{Type: chatbot.FreeInputMulti, Message: "What happened?", Field: "problem"},
			{Type: chatbot.Phone, Message: "Your phone?", Field: "callback"},
			{Type: chatbot.Email, Message: "Your email?"},
			{Type: chatbot.CreateTicket, Message: "Opening a ticket."},
		}})
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := f.c.Start(ctx, chat.NewChat{Channel: f.slug, VisitorKey: "v1", Bot: &chat.Bot{Name: sc.Name, Steps: sc.Steps}})
		if err != nil {
			t.Fatal(err)
		}
		long := make([]byte, 600) // one line over a text field's 500 characters
		for i := range long {
			long[i] = 'x'
		}
		for _, say := range []string{"Support", string(long), "It broke.\nTwice.", "+49 30 1234", "kim@example.com"} {
			f.say(t, c.ID, say)
		}
		c, _ = f.c.Get(ctx, c.ID)
		if c.Ticket == nil {
			t.Fatalf("no ticket:\n%s", f.log(t, c.ID, false))
		}
		tk, err := f.s.Tickets.Get(ctx, c.Ticket.ID)
		if err != nil {
			t.Fatal(err)
		}
		v := tk.Custom
		if v["need"] != "Support" || v["problem"] != "It broke.\nTwice." || v["callback"] != "+49 30 1234" {
			t.Errorf("the ticket's fields: %v", v)
		}
		if v["order_no"] != nil {
			t.Errorf("an answer too long for a one-line field must stay out of it: %v", v["order_no"])
		}
		ct, err := f.s.Contacts.Get(ctx, tk.Contact.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ct.Email != "kim@example.com" || ct.Phone != "+49 30 1234" {
			t.Errorf("the new contact: %s %q, want the typed email and phone", ct.Email, ct.Phone)
		}
	})
}

// /ticket on a chat the bot has handed over also carries its answers,
// in the description and the fields.
func TestTicketCommandCarriesBotAnswers(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := context.Background()
		if _, err := f.s.Fields.Create(ctx, field.Input{Name: "need", Label: "Need", Type: field.Text}); err != nil {
			t.Fatal(err)
		}
		ada := f.operator(t, "Ada")
		c, _, err := f.c.Start(ctx, chat.NewChat{Channel: f.slug, VisitorKey: "v1", Email: "lee@example.com",
			Bot: &chat.Bot{Name: "Sorter", Steps: []chatbot.Step{
				{Type: chatbot.Question, Message: "What do you need?", Field: "need", Answers: []chatbot.Answer{{Label: "Sales"}}},
				{Type: chatbot.Forward}}}})
		if err != nil {
			t.Fatal(err)
		}
		f.say(t, c.ID, "sales")
		if c, _ = f.c.Get(ctx, c.ID); c.Operator == nil || c.Operator.ID != ada.ID {
			t.Fatalf("forward with Ada online: %+v", c)
		}
		if _, err := f.c.Post(ctx, chat.NewMessage{ChatID: c.ID, Author: chat.Operator, OperatorID: ada.ID, Body: "/ticket Quote"}); err != nil {
			t.Fatal(err)
		}
		c, _ = f.c.Get(ctx, c.ID)
		tk, err := f.s.Tickets.Get(ctx, c.Ticket.ID)
		if err != nil {
			t.Fatal(err)
		}
		if tk.Custom["need"] != "Sales" || !strings.Contains(tk.Description, "What do you need?: Sales") {
			t.Errorf("the /ticket ticket: fields %v, description:\n%s", tk.Custom, tk.Description)
		}
	})
}
