package chat

import (
	"context"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// ErrUnknownCommand: a body starting with "/" that names no command.
var ErrUnknownCommand = domain.Invalid("body", "unknown command; /help lists them")

const helpText = `Commands (only operators see them and their answers):
/ticket [title]  open a ticket for the visitor with this chat as its description
/history         the pages the visitor was on
/leave           leave the chat (it goes to another operator or waits)
/help            this list
Canned responses: type ":" to list them, ":shortcut" to insert one.`

// Post is how a message arrives from a socket or the API: an operator's
// body starting with "/" runs a command, an operator's ":shortcut" words
// become their canned responses, and everything else is sent as is.
func (s *Service) Post(ctx context.Context, m NewMessage) (Message, error) {
	if m.Author != Operator {
		return s.Send(ctx, m)
	}
	if strings.HasPrefix(strings.TrimSpace(m.Body), "/") {
		return s.command(ctx, m)
	}
	c, err := s.Get(ctx, m.ChatID)
	if err != nil {
		return Message{}, err
	}
	if m.Body, err = s.Expand(ctx, c.TeamID, m.Body); err != nil {
		return Message{}, err
	}
	return s.Send(ctx, m)
}

// command runs an operator's command. The command and its answer are
// private messages of the chat; nothing is stored for an unknown one.
func (s *Service) command(ctx context.Context, m NewMessage) (Message, error) {
	name, arg, _ := strings.Cut(strings.TrimSpace(m.Body), " ")
	arg = strings.TrimSpace(arg)
	var answer string
	var err error
	switch name {
	case "/help":
		answer = helpText
	case "/history":
		answer, err = s.history(ctx, m.ChatID)
	case "/leave":
		answer, err = s.leaveCommand(ctx, m)
	case "/ticket":
		return s.ticketCommand(ctx, m, arg)
	default:
		return Message{}, ErrUnknownCommand
	}
	if err != nil {
		return Message{}, err
	}
	return s.privatePair(ctx, m, func(*db.Tx) (string, error) { return answer, nil })
}

// privatePair stores the command as the operator wrote it and the answer
// after it, both private, in one transaction with the command's work
// (answer does it and says what came of it).
func (s *Service) privatePair(ctx context.Context, m NewMessage, answer func(tx *db.Tx) (string, error)) (Message, error) {
	var id int64
	var ch changes
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		ch = changes{}
		text, err := answer(tx)
		if err != nil {
			return err
		}
		m.Private = true
		if _, err := s.insertMessage(ctx, tx, m, &ch); err != nil {
			return err
		}
		id, err = s.insertMessage(ctx, tx, NewMessage{ChatID: m.ChatID, Author: System, Body: text, Private: true}, &ch)
		return err
	})
	if err != nil {
		return Message{}, err
	}
	s.publish(ch)
	return s.message(ctx, id)
}

func (s *Service) history(ctx context.Context, chatID int64) (string, error) {
	pages, err := s.Pages(ctx, chatID, 15)
	if err != nil || len(pages) == 0 {
		return "The visitor's pages are not known.", err
	}
	var b strings.Builder
	b.WriteString("Pages the visitor was on, newest first:")
	for _, p := range pages {
		fmt.Fprintf(&b, "\n%s  %s", p.VisitedAt.UTC().Format("15:04"), p.URL)
		if p.Title != "" {
			fmt.Fprintf(&b, " (%s)", p.Title)
		}
	}
	return b.String(), nil
}

func (s *Service) leaveCommand(ctx context.Context, m NewMessage) (string, error) {
	if _, err := s.LeaveChat(ctx, m.ChatID, m.OperatorID); err != nil {
		return "", err
	}
	return "You left the chat.", nil
}
