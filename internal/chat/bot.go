package chat

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

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

// botAnswer gives the visitor's message to the chat's running bot, if it
// has one and no operator holds the chat, inside the transaction that
// stores the message: the message and the bot's reply commit together,
// so two quick messages each get their reply, in order, and a message
// that rolls back leaves no reply behind.
func (s *Service) botAnswer(ctx context.Context, tx *db.Tx, c Chat, body string, ch *changes) error {
	if c.Bot == "" || c.Operator != nil || !c.State.Open() {
		return nil // no bot holds the chat: spare the read
	}
	run, err := loadRun(ctx, tx, c.ID)
	if run == nil || err != nil {
		return err
	}
	return s.botTurn(ctx, tx, c.ID, c.ChannelID, run, run.Input(body), ch)
}

func loadRun(ctx context.Context, tx *db.Tx, chatID int64) (*chatbot.Run, error) {
	state, run, err := readRun(ctx, tx, chatID)
	if state != botRunning {
		return nil, err
	}
	return run, err
}

// readRun reads the chat's bot run as last stored, running or over (nil:
// the chat never had a bot).
func readRun(ctx context.Context, q db.Querier, chatID int64) (string, *chatbot.Run, error) {
	var state, raw string
	err := q.QueryRowContext(ctx, `SELECT bot_state, bot_run FROM chats WHERE id = $1`, chatID).Scan(&state, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, ErrNotFound
	}
	if err != nil || raw == "" {
		return state, nil, err
	}
	var run chatbot.Run
	return state, &run, json.Unmarshal([]byte(raw), &run)
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
// answers go with it, for the chat window's buttons.
func (s *Service) botSays(ctx context.Context, tx *db.Tx, chatID int64, say chatbot.Say, ch *changes) error {
	m := NewMessage{ChatID: chatID, Author: Operator, Body: say.Body, bot: true, choices: say.Choices}
	_, err := s.insertMessage(ctx, tx, m, ch)
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
// team: ticketFromChat reads the run as stored here, with its answers.
func (s *Service) botTicket(ctx context.Context, tx *db.Tx, chatID int64, run *chatbot.Run, ch *changes) error {
	if err := saveRun(ctx, tx, chatID, run, botRunning); err != nil {
		return err
	}
	c, err := getChat(ctx, tx, `WHERE c.id = $1`, chatID)
	if err != nil || c.Ticket != nil {
		return err
	}
	id, number, err := s.ticketFromChat(ctx, tx, c, "", "", 0)
	if errors.Is(err, errNoEmail) {
		return s.botSays(ctx, tx, chatID, chatbot.Say{Body: "We need your email address to open a ticket; an operator will follow up here."}, ch)
	}
	if err != nil {
		return err
	}
	ch.tickets = append(ch.tickets, id)
	return s.botSays(ctx, tx, chatID, chatbot.Say{Body: fmt.Sprintf("Ticket #%d is open: we will answer by mail.", number)}, ch)
}
