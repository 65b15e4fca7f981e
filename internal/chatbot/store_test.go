package chatbot_test

import (
	"context"
	"errors"
	"testing"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
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
