package chat

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/frontdesk/frontdesk/internal/chatbot"
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

var errNoEmail = domain.Conflict("the visitor gave no email address; ask for one first")

// ticketFromChat opens a ticket on the chat's team (channel "chat") for
// the visitor, the transcript as its description (extra and the
// chatbot's answers before it), and links the chat to it. The answers
// also fill the ticket fields their steps name, and the visitor's email
// and phone when the chat lacks them.
func (s *Service) ticketFromChat(ctx context.Context, tx *db.Tx, c Chat, title, extra string, actor int64) (int64, int64, error) {
	_, run, err := readRun(ctx, tx, c.ID)
	if err != nil {
		return 0, 0, err
	}
	if err := takeBotEmail(ctx, tx, &c, run); err != nil {
		return 0, 0, err
	}
	if c.Visitor.Email == "" && c.ExternalID == "" {
		return 0, 0, errNoEmail
	}
	ms, err := s.allMessages(ctx, tx, c.ID, false)
	if err != nil {
		return 0, 0, err
	}
	if title == "" {
		title = "Chat with " + or(c.Visitor.Name, or(c.Visitor.Email, "a visitor"))
	}
	team, pipeline, err := s.ticketTeam(ctx, tx, c)
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
		Contact: contact.Identity{Email: email, ExternalID: c.ExternalID, FirstName: first, LastName: last}}
	if extra, err = s.addBotAnswers(ctx, tx, &in, extra, pipeline, run); err != nil {
		return 0, 0, err
	}
	in.Description = clip(strings.TrimSpace(extra+"\n\n"+transcript(c, ms)), ticket.MaxBody)
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
// channel, with the team's pipeline.
func (s *Service) ticketTeam(ctx context.Context, q db.Querier, c Chat) (string, int64, error) {
	var id, pipeline int64
	err := q.QueryRowContext(ctx, `SELECT id, pipeline_id FROM teams WHERE id = $1 OR ($1 = 0 AND id = (SELECT MIN(id) FROM teams))`,
		c.teamOr0()).Scan(&id, &pipeline)
	return strconv.FormatInt(id, 10), pipeline, err
}

func (c Chat) teamOr0() int64 {
	if c.TeamID == nil {
		return 0
	}
	return *c.TeamID
}

// takeBotEmail gives the chat the email the visitor typed at the bot's
// email step, when the chat has none: kept as given by them, like the
// pre-chat form's.
func takeBotEmail(ctx context.Context, tx *db.Tx, c *Chat, run *chatbot.Run) error {
	if run == nil || c.Visitor.Email != "" || run.Answer(chatbot.Email) == "" {
		return nil
	}
	c.Visitor.Email = run.Answer(chatbot.Email)
	_, err := tx.ExecContext(ctx, `UPDATE chats SET visitor_email = $1 WHERE id = $2`, c.Visitor.Email, c.ID)
	return err
}

// addBotAnswers puts the chatbot's answers (run nil: the chat had no
// bot) into the new ticket: after extra in the description, in the
// fields their steps name as far as the fields take them, and the phone
// for a contact the ticket creates. It returns the description's start.
func (s *Service) addBotAnswers(ctx context.Context, tx *db.Tx, in *ticket.NewTicket, extra string, pipeline int64,
	run *chatbot.Run) (string, error) {
	if run == nil {
		return extra, nil
	}
	if sum := run.Summary(); sum != "" {
		extra = strings.TrimSpace(extra + "\n\nAnswers to the chatbot:\n" + sum)
	}
	if phone := run.Answer(chatbot.Phone); contact.ValidPhone(phone) {
		in.Contact.Phone = phone // an existing contact keeps theirs
	}
	answers := run.FieldAnswers()
	if len(answers) == 0 || s.Fields == nil {
		return extra, nil
	}
	var err error
	in.Custom, err = s.Fields.FromAnswers(ctx, tx, pipeline, answers)
	return extra, err
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
