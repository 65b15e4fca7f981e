package chat

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

const chatColumns = `c.id, c.channel_id, ch.slug, ch.team_id, c.state, c.operator_id, o.name, c.visitor_name,
	c.visitor_email, c.country, c.rating, c.rating_comment, c.last_seq, c.created_at, c.ended_at, c.answered_at,
	c.ticket_id, tk.number, c.visitor_key, c.contact_id, c.external_id, c.email_signed, c.queued_at,
	CASE WHEN c.bot_state = 'running' THEN c.bot_name ELSE '' END`

const chatFrom = ` FROM chats c JOIN chat_channels ch ON ch.id = c.channel_id
	LEFT JOIN operators o ON o.id = c.operator_id LEFT JOIN tickets tk ON tk.id = c.ticket_id `

// row is a chat as scanned, with what place-in-queue needs.
type row struct {
	Chat
	queuedAt time.Time
}

func scanChat(r interface{ Scan(...any) error }) (row, error) {
	var c row
	var opID, ticketID, number *int64
	var opName *string
	var rating *Rating
	err := r.Scan(&c.ID, &c.ChannelID, &c.Channel, &c.TeamID, &c.State, &opID, &opName, &c.Visitor.Name,
		&c.Visitor.Email, &c.Visitor.Country, &rating, &c.Comment, &c.LastSeq, &c.CreatedAt, &c.EndedAt,
		&c.AnsweredAt, &ticketID, &number, &c.VisitorKey, &c.ContactID, &c.ExternalID, &c.EmailSigned, &c.queuedAt, &c.Bot)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, err
	}
	if opID != nil && opName != nil {
		c.Operator = &Person{ID: *opID, Name: *opName}
	}
	if ticketID != nil && number != nil {
		c.Ticket = &TicketRef{ID: *ticketID, Number: *number}
	}
	c.Rating = rating
	return c, nil
}

// getChat reads a chat and, when it waits, its place in the queue.
func getChat(ctx context.Context, q db.Querier, where string, arg any) (Chat, error) {
	c, err := scanChat(q.QueryRowContext(ctx, `SELECT `+chatColumns+chatFrom+where, arg))
	if err != nil {
		return Chat{}, err
	}
	if c.State == Queued && c.Bot == "" {
		err = q.QueryRowContext(ctx, `SELECT COUNT(*) FROM chats WHERE channel_id = $1 AND state = 'queued'
			AND bot_state <> 'running' AND (queued_at < $2 OR (queued_at = $2 AND id <= $3))`, c.ChannelID, c.queuedAt, c.ID).Scan(&c.Place)
	}
	return c.Chat, err
}

// Get reads a chat by id.
func (s *Service) Get(ctx context.Context, id int64) (Chat, error) {
	return getChat(ctx, s.DB.Read, `WHERE c.id = $1`, id)
}

// ByToken reads the chat a visitor's token names.
func (s *Service) ByToken(ctx context.Context, token string) (Chat, error) {
	if token == "" {
		return Chat{}, ErrNotFound
	}
	return getChat(ctx, s.DB.Read, `WHERE c.token_hash = $1`, hashToken(token))
}

// newToken returns a visitor's chat credential: 256 random bits.
func newToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashToken is what the database keeps of a token.
func hashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// Filter selects chats for the operators' lists.
type Filter struct {
	State  State // Queued, Active or Ended (Ended includes Missed); "" for all
	After  int64 // keyset: ids below this (newest first); 0 from the top
	Limit  int
	Others bool // include chats of channels the operator did not join
}

// List returns chats newest first.
func (s *Service) List(ctx context.Context, f Filter) ([]Chat, error) {
	where, args := `WHERE ($1 = 0 OR c.id < $1)`, []any{f.After}
	switch f.State {
	case Queued, Active:
		where += ` AND c.state = $2`
		args = append(args, f.State)
	case Ended, Missed:
		where += ` AND c.state IN ('ended', 'missed')`
	}
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+chatColumns+chatFrom+where+` ORDER BY c.id DESC LIMIT `+
		itoa(limit), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Chat{}
	for rows.Next() {
		c, err := scanChat(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c.Chat)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.fillPlaces(ctx, out)
}

// ForContact lists a contact's chats, newest first (the contact's
// timeline beside their tickets).
func (s *Service) ForContact(ctx context.Context, contactID int64, limit int) ([]Chat, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+chatColumns+chatFrom+`WHERE c.contact_id = $1
		ORDER BY c.created_at DESC, c.id DESC LIMIT `+itoa(limit), contactID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Chat{}
	for rows.Next() {
		c, err := scanChat(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c.Chat)
	}
	return out, rows.Err()
}

// fillPlaces sets the place of the waiting chats listed: one read of
// each channel's queue, not a count per chat.
func (s *Service) fillPlaces(ctx context.Context, cs []Chat) error {
	places := map[int64]map[int64]int{} // channel -> chat -> place
	for i := range cs {
		if cs[i].State != Queued {
			continue
		}
		if places[cs[i].ChannelID] == nil {
			p, err := s.places(ctx, cs[i].ChannelID)
			if err != nil {
				return err
			}
			places[cs[i].ChannelID] = p
		}
		cs[i].Place = places[cs[i].ChannelID][cs[i].ID]
	}
	return nil
}

// places numbers a channel's waiting chats from 1, oldest first.
func (s *Service) places(ctx context.Context, channelID int64) (map[int64]int, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT id FROM chats WHERE channel_id = $1 AND state = 'queued'
		ORDER BY queued_at, id`, channelID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = len(out) + 1
	}
	return out, rows.Err()
}

// Queue reads a channel's waiting chats, oldest first, each with its
// place: one read for the whole queue, so that a change in it costs a
// node one query however many visitors wait there.
func (s *Service) Queue(ctx context.Context, channelID int64) ([]Chat, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+chatColumns+chatFrom+`WHERE c.channel_id = $1
		AND c.state = 'queued' ORDER BY c.queued_at, c.id`, channelID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Chat
	for rows.Next() {
		c, err := scanChat(rows)
		if err != nil {
			return nil, err
		}
		c.Place = len(out) + 1
		out = append(out, c.Chat)
	}
	return out, rows.Err()
}
