package chatbot_test

import (
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chatbot"
)

// sorter asks what the visitor needs, then takes an email for sales and
// a phone number for a callback, or forwards support questions, and ends
// with a ticket.
func sorter() []chatbot.Step {
	return []chatbot.Step{
		{Type: chatbot.Text, Message: "Hi, I am the desk's bot."},
		{Type: chatbot.Question, Message: "What do you need?", Answers: []chatbot.Answer{
			{Label: "Sales"}, {Label: "Support"}, {Label: "Docs", Link: "https://example.com/docs"}}},
		{Type: chatbot.Question, Message: "Call you back?", Answers: []chatbot.Answer{{Label: "Yes"}, {Label: "No"}},
			OnlyIf: []chatbot.Condition{{Step: 1, Answer: "Sales"}}},
		{Type: chatbot.Phone, Message: "Your phone number?", OnlyIf: []chatbot.Condition{{Step: 1, Answer: "sales"}, {Step: 2, Answer: "Yes"}}},
		{Type: chatbot.Email, Message: "Your email?", OnlyIf: []chatbot.Condition{{Step: 1, Answer: "Sales"}}},
		{Type: chatbot.Forward, OnlyIf: []chatbot.Condition{{Step: 1, Answer: "Support"}}},
		{Type: chatbot.FreeInputMulti, Message: "Describe the problem."},
		{Type: chatbot.CreateTicket, Message: "Thanks, we open a ticket."},
	}
}

func says(out chatbot.Out) string {
	var b []string
	for _, s := range out.Say {
		var labels []string
		for _, c := range s.Choices {
			labels = append(labels, c.Label)
		}
		b = append(b, s.Body+" "+strings.Join(labels, "|"))
	}
	return strings.Join(b, " / ")
}

func TestRunSalesWithCallback(t *testing.T) {
	r := chatbot.NewRun(sorter())
	out := r.Start()
	if got := says(out); got != "Hi, I am the desk's bot.  / What do you need? Sales|Support|Docs|Talk to a person" || out.Action != chatbot.Wait {
		t.Fatalf("start: %q %q", got, out.Action)
	}
	out = r.Input("I want a discount")
	if !strings.HasPrefix(says(out), "Please choose one of the answers. What do you need? Sales|Support|Docs|Talk to a person") {
		t.Fatalf("free text at a question must ask again with the choices: %q", says(out))
	}
	steps := []struct{ in, want string }{
		{"sales", "Call you back? Yes|No|Talk to a person"},
		{"1", "Please choose one of the answers. Call you back?"}, // no numbers: the buttons send labels
		{"Yes!", "Your phone number?"},
		{"no digits here", "Please type a phone number"},
		{"+49 30 1234", "Your email?"},
		{"not-an-email", "That does not look like an email address"},
		{"sam@example.com", "Describe the problem."},
		{"Line one\nline two", "Thanks, we open a ticket."},
	}
	for _, s := range steps {
		if out = r.Input(s.in); !strings.HasPrefix(says(out), s.want) {
			t.Fatalf("after %q: %q, want %q", s.in, says(out), s.want)
		}
	}
	if out.Action != chatbot.DoTicket {
		t.Fatalf("the ticket step must ask for a ticket: %q", out.Action)
	}
	if out = r.Next(); out.Action != chatbot.Finished || !r.Done {
		t.Fatalf("after the last step: %+v", out)
	}
	if r.Answer(chatbot.Email) != "sam@example.com" || !strings.Contains(r.Summary(), "Your phone number?: +49 30 1234") {
		t.Fatalf("answers: %q", r.Summary())
	}
}

func TestRunOnlyIfSkipsAndForwards(t *testing.T) {
	r := chatbot.NewRun(sorter())
	r.Start()
	out := r.Input("Support") // the sales steps do not apply; forward does
	if out.Action != chatbot.DoForward || len(out.Say) != 0 {
		t.Fatalf("support: %+v", out)
	}
	if out = r.Next(); says(out) != "Describe the problem. " {
		t.Fatalf("nobody there: the script goes on: %q", says(out))
	}

	r = chatbot.NewRun(sorter())
	r.Start()
	r.Input("Sales")
	if out = r.Input("No"); says(out) != "Your email? " {
		t.Fatalf("no callback: the phone step (sales AND yes) is skipped: %q", says(out))
	}

	for _, ask := range []string{"talk to a person", "Human", "operator please", "Can I speak to someone?", "I'd like a real person"} {
		r = chatbot.NewRun(sorter())
		r.Start()
		r.Input("Sales")
		if out = r.Input(ask); out.Action != chatbot.DoForward {
			t.Errorf("%q: a visitor can always ask for a person: %+v", ask, out)
		}
	}
	r = chatbot.NewRun(sorter())
	r.Start()
	if out = r.Input("my agent sent me here"); out.Action == chatbot.DoForward {
		t.Errorf("a sentence that only mentions an agent is not a request for one: %+v", out)
	}
	r = chatbot.NewRun(sorter())
	r.Start()
	if out = r.Input("Docs"); out.Action != chatbot.FollowedLink || says(out) != "https://example.com/docs " || !r.Done {
		t.Fatalf("an answer with a link: %+v", out)
	}
}
