package chat

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Message is one numbered entry of a chat.
type Message struct {
	ID        int64     `json:"id"`
	ChatID    int64     `json:"chat_id"`
	Seq       int64     `json:"seq"`
	Author    Author    `json:"author"`
	Operator  *Person   `json:"operator"`
	Body      string    `json:"body"`
	Private   bool      `json:"private"`
	Files     []File    `json:"files"`
	ClientID  string    `json:"client_id"`
	CreatedAt time.Time `json:"created_at"`
	Bot       bool      `json:"bot"` // written by the chat's chatbot (author "operator", operator id 0)
	// Choices are the answers a bot's question offers, as buttons.
	Choices  []chatbot.Answer `json:"choices,omitempty"`
	hasFiles bool             // as read: whether fillFiles has any to find
}

// File is an attachment of a chat message.
type File struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Size        int64  `json:"size"`
	ContentType string `json:"content_type"`
	SHA256      string `json:"-"`
}

// NewMessage is a message to add. Private ones only operators see.
type NewMessage struct {
	ChatID     int64
	Author     Author
	OperatorID int64
	Body       string
	Private    bool
	ClientID   string
	Files      []File // already stored in the blob store
	bot        bool   // the chat's chatbot: no operator, and not the team's answer
	choices    []chatbot.Answer
}

// Error codes a socket reports for a refused message (docs/chat.md).
var (
	ErrTooLong = domain.Invalid("body", "must be at most 10,000 characters")
	ErrEmpty   = domain.Invalid("body", "is empty")
)

func (m *NewMessage) validate() error {
	if utf8.RuneCountInString(m.Body) > MaxBody {
		return ErrTooLong
	}
	if strings.TrimSpace(m.Body) == "" && len(m.Files) == 0 {
		return ErrEmpty
	}
	if len(m.ClientID) > 64 {
		return domain.Invalid("client_id", "must be at most 64 characters")
	}
	return nil
}

// Send commits a message and then announces it. A message sent again
// with the same client id (a retry) returns the first one and adds none.
// A visitor's message goes to the chat's bot, if one holds the chat, in
// the same transaction.
func (s *Service) Send(ctx context.Context, m NewMessage) (Message, error) {
	if err := m.validate(); err != nil {
		return Message{}, err
	}
	var id int64
	var ch changes
	err := s.DB.WithTx(ctx, func(tx *db.Tx) (err error) {
		ch = changes{}
		id, err = s.sendTx(ctx, tx, m, &ch)
		return err
	})
	if err != nil {
		return Message{}, err
	}
	s.publish(ch)
	return s.message(ctx, id)
}

func (s *Service) sendTx(ctx context.Context, tx *db.Tx, m NewMessage, ch *changes) (int64, error) {
	if id, err := byClientID(ctx, tx, m); err != nil || id != 0 {
		return id, err
	}
	c, err := lockChat(ctx, tx, m.ChatID)
	if err != nil {
		return 0, err
	}
	if !c.State.Open() {
		return 0, ErrEnded
	}
	if m.Author == Operator && (c.Operator == nil || c.Operator.ID != m.OperatorID) && !m.Private {
		if c.State == Queued {
			return 0, domain.Conflict("take the chat before you answer")
		}
	}
	id, err := s.insertMessage(ctx, tx, m, ch)
	if err != nil || m.Author != Visitor {
		return id, err
	}
	return id, s.botAnswer(ctx, tx, c, m.Body, ch)
}

// insertMessage numbers the message from the chat's counter in the same
// transaction (the counter's row lock orders concurrent senders) and
// marks the chat answered at an operator's first public message.
func (s *Service) insertMessage(ctx context.Context, tx *db.Tx, m NewMessage, ch *changes) (int64, error) {
	now := s.now()
	answered := m.Author == Operator && !m.Private && !m.bot
	var seq int64
	err := tx.QueryRowContext(ctx, `UPDATE chats SET last_seq = last_seq + 1,
		answered_at = CASE WHEN $2 AND answered_at IS NULL THEN $3 ELSE answered_at END
		WHERE id = $1 RETURNING last_seq`, m.ChatID, answered, now).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	if err != nil {
		return 0, err
	}
	var op *int64
	if m.OperatorID != 0 {
		op = &m.OperatorID
	}
	choices := ""
	if len(m.choices) > 0 {
		raw, err := json.Marshal(m.choices)
		if err != nil {
			return 0, err
		}
		choices = string(raw)
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO chat_messages (chat_id, seq, author, operator_id, body, private,
		client_id, created_at, bot, choices) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		m.ChatID, seq, m.Author, op, m.Body, m.Private, m.ClientID, now, m.bot, choices).Scan(&id)
	if err != nil {
		return 0, err
	}
	for _, f := range m.Files {
		if _, err := tx.ExecContext(ctx, `INSERT INTO chat_files (chat_id, message_id, sha256, filename,
			content_type, size, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			m.ChatID, id, f.SHA256, f.Name, f.ContentType, f.Size, now); err != nil {
			return 0, err
		}
	}
	ch.message(m.ChatID)
	return id, nil
}

func byClientID(ctx context.Context, tx *db.Tx, m NewMessage) (int64, error) {
	if m.ClientID == "" {
		return 0, nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM chat_messages WHERE chat_id = $1 AND author = $2 AND client_id = $3`,
		m.ChatID, m.Author, m.ClientID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
