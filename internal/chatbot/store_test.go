package chatbot_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestScriptsAreCheckedStoredAndGuarded(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		var ve *domain.ValidationError
		if _, err := s.Chatbots.Create(ctx, chatbot.Input{Name: "Empty"}); !errors.As(err, &ve) || ve.Fields["steps"] == "" {
			t.Errorf("an empty script: %v", err)
		}
		bad := chatbot.Input{Name: " ", Steps: []chatbot.Step{
			{Type: chatbot.Question, Message: "Which?"},
			{Type: chatbot.Text, Message: "Loop", OnlyIf: []chatbot.Condition{{Step: 2, Answer: "x"}}},
			{Type: chatbot.Text, Message: "Self", OnlyIf: []chatbot.Condition{{Step: 2, Answer: "x"}}},
			{Type: chatbot.Text, Message: "Not a question", OnlyIf: []chatbot.Condition{{Step: 1, Answer: "x"}}},
			{Type: "lead", Message: "?"},
		}}
		_, err := s.Chatbots.Create(ctx, bad)
		if !errors.As(err, &ve) {
			t.Fatalf("bad script: %v", err)
		}
		for _, k := range []string{"name", "steps.0.answers", "steps.1.only_if.0.step", "steps.2.only_if.0.step",
			"steps.3.only_if.0.step", "steps.4.type"} {
			if ve.Fields[k] == "" {
				t.Errorf("no message on %s: %v", k, ve.Fields)
			}
		}
		good := chatbot.Input{Name: "Sorter", Steps: []chatbot.Step{
			{Type: chatbot.Question, Message: "Which?", Answers: []chatbot.Answer{{Label: "Sales"}}},
			{Type: chatbot.Email, Message: "Email?", OnlyIf: []chatbot.Condition{{Step: 0, Answer: "Nope"}}},
		}}
		if _, err := s.Chatbots.Create(ctx, good); !errors.As(err, &ve) || ve.Fields["steps.1.only_if.0.answer"] == "" {
			t.Errorf("only-if naming an answer the question lacks: %v", err)
		}
		good.Steps[1].OnlyIf[0].Answer = "sales"
		sc, err := s.Chatbots.Create(ctx, good)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Chatbots.Get(ctx, sc.ID)
		if err != nil || len(got.Steps) != 2 || got.Steps[0].Answers[0].Label != "Sales" || got.Steps[1].OnlyIf[0].Step != 0 {
			t.Fatalf("read back: %+v %v", got, err)
		}
		ch, _ := s.Chats.CreateChannel(ctx, chat.NewChannel{Name: "Shop", Slug: "shop"})
		if _, err := s.Chats.SetRules(ctx, ch.ID, []chat.Rule{{Action: chat.ShowButton, ChatbotID: &sc.ID}}); err != nil {
			t.Fatal(err)
		}
		if err := s.Chatbots.Delete(ctx, sc.ID); !errors.Is(err, domain.ErrConflict) {
			t.Errorf("deleting a script a rule uses: %v, want a conflict", err)
		}
		s.Chats.SetRules(ctx, ch.ID, nil)
		if err := s.Chatbots.Delete(ctx, sc.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Chatbots.Get(ctx, sc.ID); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("deleted script: %v", err)
		}
	})
}

// A step's ticket field must exist and hold the step's answers; the
// limits of a script hold, each on its field.
func TestScriptFieldsAndLimits(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		for _, in := range []field.Input{
			{Name: "need", Label: "Need", Type: field.Choice, Options: []string{"Sales", "Support"}},
			{Name: "note", Label: "Note", Type: field.Text},
			{Name: "amount", Label: "Amount", Type: field.Number},
		} {
			if _, err := s.Fields.Create(ctx, in); err != nil {
				t.Fatal(err)
			}
		}
		q := func(labels ...string) []chatbot.Answer {
			var out []chatbot.Answer
			for _, l := range labels {
				out = append(out, chatbot.Answer{Label: l})
			}
			return out
		}
		bad := chatbot.Input{Name: strings.Repeat("n", 81), Steps: []chatbot.Step{
			{Type: chatbot.Question, Message: "Which?", Answers: q("Sales", "Returns"), Field: "need"},
			{Type: chatbot.FreeInput, Message: "How much?", Field: "amount"},
			{Type: chatbot.FreeInputMulti, Message: "Tell us", Field: "note"},
			{Type: chatbot.Text, Message: "Hi", Field: "note"},
			{Type: chatbot.Email, Message: "Email?", Field: "nope"},
			{Type: chatbot.Question, Message: "Which?", Answers: q("Talk to a human", strings.Repeat("x", 81))},
			{Type: chatbot.Question, Message: strings.Repeat("m", 2001), Answers: q("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13")},
		}}
		_, err := s.Chatbots.Create(ctx, bad)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("bad script: %v", err)
		}
		for k, want := range map[string]string{
			"name":                    "at most 80",
			"steps.0.field":           "“Returns” is not an option",
			"steps.1.field":           "number field",
			"steps.2.field":           "holds one line",
			"steps.3.field":           "takes no answer",
			"steps.4.field":           "no ticket field",
			"steps.5.answers.0.label": "request for a person",
			"steps.5.answers.1.label": "at most 80",
			"steps.6.message":         "2,000",
			"steps.6.answers":         "at most 12",
		} {
			if !strings.Contains(ve.Fields[k], want) {
				t.Errorf("%s: %q, want a message with %q", k, ve.Fields[k], want)
			}
		}
		many := chatbot.Input{Name: "Long", Steps: make([]chatbot.Step, 51)}
		for i := range many.Steps {
			many.Steps[i] = chatbot.Step{Type: chatbot.Text, Message: "Hi"}
		}
		if _, err := s.Chatbots.Create(ctx, many); !errors.As(err, &ve) || !strings.Contains(ve.Fields["steps"], "50") {
			t.Errorf("51 steps: %v", err)
		}
		good := chatbot.Input{Name: "Sorter", Steps: []chatbot.Step{
			{Type: chatbot.Question, Message: "Which?", Answers: q("Sales", "Support"), Field: "need"},
			{Type: chatbot.Phone, Message: "Phone?", Field: "note"},
		}}
		sc, err := s.Chatbots.Create(ctx, good)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Chatbots.Get(ctx, sc.ID); got.Steps[0].Field != "need" || got.Steps[1].Field != "note" {
			t.Errorf("stored fields: %+v", got.Steps)
		}
	})
}
