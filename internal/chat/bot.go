package chat

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/db"
)

// Bot is the chatbot a chat starts with (the channel rule's script).
type Bot struct {
	Name  string
	Steps []chatbot.Step
}

// Bot states on the chat row.
const (
	botRunning = "running"
	botDone    = "done"
)

// startBot begins the run inside the transaction that opened the chat.
func (s *Service) startBot(ctx context.Context, tx *db.Tx, chatID, channelID int64, b *Bot, ch *changes) error {
	run := chatbot.NewRun(b.Steps)
	if _, err := tx.ExecContext(ctx, `UPDATE chats SET bot_state = $1, bot_name = $2 WHERE id = $3`,
		botRunning, b.Name, chatID); err != nil {
		return err
	}
	return s.botTurn(ctx, tx, chatID, channelID, run, run.Start(), ch)
}

// botInput gives the visitor's message to the chat's running bot, if it
// has one and no operator holds the chat.
func (s *Service) botInput(ctx context.Context, chatID int64, body string) error {
	var ch changes
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		ch = changes{}
		c, err := lockChat(ctx, tx, chatID)
		if err != nil {
			return err
		}
		run, err := loadRun(ctx, tx, chatID)
		if run == nil || err != nil || c.Operator != nil || !c.State.Open() {
			return err
		}
		return s.botTurn(ctx, tx, chatID, c.ChannelID, run, run.Input(body), &ch)
	})
	if err == nil {
		s.publish(ch)
	}
	return err
}

func loadRun(ctx context.Context, tx *db.Tx, chatID int64) (*chatbot.Run, error) {
	var state, raw string
	err := tx.QueryRowContext(ctx, `SELECT bot_state, bot_run FROM chats WHERE id = $1`, chatID).Scan(&state, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil || state != botRunning {
		return nil, err
	}
	var run chatbot.Run
	return &run, json.Unmarshal([]byte(raw), &run)
}

// botTurn says what the run said and does what it asks, until it waits
// for the visitor or is over; then it stores the run.
func (s *Service) botTurn(ctx context.Context, tx *db.Tx, chatID, channelID int64, run *chatbot.Run, out chatbot.Out,
	ch *changes) error {
	for {
		for _, say := range out.Say {
			if err := s.botSays(ctx, tx, chatID, say, ch); err != nil {
				return err
			}
		}
		switch out.Action {
		case chatbot.DoForward:
			handed, err := s.botHandOver(ctx, tx, chatID, channelID, run, false, ch)
			if err != nil || handed {
				return err
			}
			out = run.Next()
			out.Say = append([]chatbot.Say{{Body: "Nobody is available right now."}}, out.Say...)
		case chatbot.DoTicket:
			if err := s.botTicket(ctx, tx, chatID, run, ch); err != nil {
				return err
			}
			out = run.Next()
		case chatbot.Finished, chatbot.FollowedLink:
			_, err := s.botHandOver(ctx, tx, chatID, channelID, run, true, ch)
			return err
		default:
			return saveRun(ctx, tx, chatID, run, botRunning)
		}
	}
}

func saveRun(ctx context.Context, tx *db.Tx, chatID int64, run *chatbot.Run, state string) error {
	raw, err := json.Marshal(run)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE chats SET bot_run = $1, bot_state = $2 WHERE id = $3`, string(raw), state, chatID)
	return err
}

// botSays posts one message of the bot: an operator message without an
// operator, which does not count as the team's answer. A question's
// choices are numbered in the text, so any chat window shows them.
func (s *Service) botSays(ctx context.Context, tx *db.Tx, chatID int64, say chatbot.Say, ch *changes) error {
	body := say.Body
	for i, c := range say.Choices {
		body += "\n" + strconv.Itoa(i+1) + ". " + c
	}
	_, err := s.insertMessage(ctx, tx, NewMessage{ChatID: chatID, Author: Operator, Body: body, bot: true}, ch)
	return err
}

// botHandOver ends the bot's part: the chat goes to routing when someone of
// the channel is online (always, when the script is over); the answers
// go to the operators as a private note. It reports whether it did. A
// chat whose bot made a ticket stays open too (an operator may still
// answer); missed, it makes no second ticket.
func (s *Service) botHandOver(ctx context.Context, tx *db.Tx, chatID, channelID int64, run *chatbot.Run, over bool,
	ch *changes) (bool, error) {
	n, err := onlineCount(ctx, tx, channelID, s.cutoff(s.now()))
	if err != nil || (n == 0 && !over) {
		return false, err
	}
	run.Done = true
	if err := saveRun(ctx, tx, chatID, run, botDone); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE chats SET handed_at = $1, queued_at = $1 WHERE id = $2`, s.now(), chatID); err != nil {
		return false, err
	}
	if sum := run.Summary(); sum != "" {
		m := NewMessage{ChatID: chatID, Author: System, Private: true, Body: "The chatbot's answers:\n" + sum}
		if _, err := s.insertMessage(ctx, tx, m, ch); err != nil {
			return false, err
		}
	}
	ch.chat(chatID)
	ch.queue(channelID)
	if n == 0 {
		return true, nil // missed after the channel's time from now: the offline form, or a ticket
	}
	return true, s.route(ctx, tx, chatID, channelID, 0, ch)
}

// botTicket opens the ticket of a create_ticket step, on the channel's
// team, with the answers before the transcript; the visitor's email is
// the one they typed at an email step when the chat had none.
func (s *Service) botTicket(ctx context.Context, tx *db.Tx, chatID int64, run *chatbot.Run, ch *changes) error {
	if email := run.Answer(chatbot.Email); email != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE chats SET visitor_email = $1 WHERE id = $2 AND visitor_email = ''`,
			email, chatID); err != nil {
			return err
		}
	}
	c, err := getChat(ctx, tx, `WHERE c.id = $1`, chatID)
	if err != nil {
		return err
	}
	if c.Ticket != nil {
		return nil
	}
	if c.Visitor.Email == "" && c.ExternalID == "" {
		return s.botSays(ctx, tx, chatID, chatbot.Say{Body: "We need your email address to open a ticket; an operator will follow up here."}, ch)
	}
	id, number, err := s.ticketFromChat(ctx, tx, c, "", strings.TrimSpace("Answers to the chatbot:\n"+run.Summary()), 0)
	if err != nil {
		return err
	}
	ch.tickets = append(ch.tickets, id)
	return s.botSays(ctx, tx, chatID, chatbot.Say{Body: fmt.Sprintf("Ticket #%d is open: we will answer by mail.", number)}, ch)
}

// lastSeq is the chat's newest seq: a visitor's message that is not the
// newest right after its send was a retry the bot already answered.
func (s *Service) lastSeq(ctx context.Context, chatID int64) int64 {
	var n int64
	_ = s.DB.Read.QueryRowContext(ctx, `SELECT last_seq FROM chats WHERE id = $1`, chatID).Scan(&n)
	return n
}
