package chat

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketCommand is /ticket [title]: a ticket for the visitor's contact
// with the transcript as its description; the answer names it.
func (s *Service) ticketCommand(ctx context.Context, m NewMessage, title string) (Message, error) {
	c, err := s.Get(ctx, m.ChatID)
	if err != nil {
		return Message{}, err
	}
	var tid int64
	msg, err := s.privatePair(ctx, m, func(tx *db.Tx) (string, error) {
		id, number, err := s.ticketFromChat(ctx, tx, c, title, "", m.OperatorID)
		tid = id
		return fmt.Sprintf("Ticket #%d created: %s/tickets/%d", number, strings.TrimRight(s.BaseURL, "/"), id), err
	})
	if err == nil {
		s.Tickets.Announce("ticket.created", tid)
	}
	return msg, err
}

// ticketFromChat opens a ticket on the chat's team (channel "chat") for
// the visitor, the transcript as its description (extra before it), and
// links the chat to it.
func (s *Service) ticketFromChat(ctx context.Context, tx *db.Tx, c Chat, title, extra string, actor int64) (int64, int64, error) {
	if c.Visitor.Email == "" && c.ExternalID == "" {
		return 0, 0, domain.Conflict("the visitor gave no email address; ask for one first")
	}
	ms, err := s.allMessages(ctx, tx, c.ID, false)
	if err != nil {
		return 0, 0, err
	}
	if title == "" {
		title = "Chat with " + or(c.Visitor.Name, or(c.Visitor.Email, "a visitor"))
	}
	team, err := s.ticketTeam(ctx, tx, c)
	if err != nil {
		return 0, 0, err
	}
	first, last, _ := strings.Cut(c.Visitor.Name, " ")
	email := c.Visitor.Email
	if c.ExternalID != "" && !c.EmailSigned {
		// The widget's rule: a signed visitor's contact is found by what
		// the site signed; an address they typed does not pick it.
		email, extra = "", strings.TrimSpace(extra+"\nEmail given by the visitor: "+c.Visitor.Email)
	}
	in := ticket.NewTicket{Subject: clip(title, 200), Team: team, Channel: ticket.Chat, ActorID: actor,
		Description: clip(strings.TrimSpace(extra+"\n\n"+transcript(c, ms)), ticket.MaxBody),
		Contact:     contact.Identity{Email: email, ExternalID: c.ExternalID, FirstName: first, LastName: last}}
	id, _, err := s.Tickets.CreateTx(ctx, tx, in)
	if err != nil {
		return 0, 0, err
	}
	var number int64
	var contactID *int64
	if err := tx.QueryRowContext(ctx, `SELECT number, contact_id FROM tickets WHERE id = $1`, id).Scan(&number, &contactID); err != nil {
		return 0, 0, err
	}
	if _, err = tx.ExecContext(ctx, `UPDATE chats SET ticket_id = $1, contact_id = COALESCE(contact_id, $2) WHERE id = $3`,
		id, contactID, c.ID); err != nil || s.Reports == nil {
		return id, number, err
	}
	return id, number, s.Reports.ChatTicket(ctx, tx, c.ID, id)
}

// ticketTeam is the chat's team, or the first team for a standalone
// channel.
func (s *Service) ticketTeam(ctx context.Context, q db.Querier, c Chat) (string, error) {
	if c.TeamID != nil {
		return strconv.FormatInt(*c.TeamID, 10), nil
	}
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM teams ORDER BY id LIMIT 1`).Scan(&id)
	return strconv.FormatInt(id, 10), err
}

func or(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

// clip cuts s to at most n bytes on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
