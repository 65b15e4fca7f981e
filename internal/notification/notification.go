// Package notification tells operators about tickets that need them: an
// @name in an internal note, a ticket opened for them or their team. Each
// notice is a row the operator sees in the app (a list and an unread
// badge) and a mail through the outbox.
package notification

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/events"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Kind says why an operator is told.
type Kind string

// The kinds of notice.
const (
	Mention  Kind = "mention"
	Assigned Kind = "assigned"
	// Automation: a rule's notify action, or the loop guard telling
	// admins it switched a rule off for a ticket.
	Automation Kind = "automation"
)

// Notification is one notice, with what the list shows of its ticket.
type Notification struct {
	ID           int64     `json:"id"`
	Kind         Kind      `json:"kind"`
	TicketID     int64     `json:"ticket_id"`
	TicketNumber int64     `json:"ticket_number"`
	Subject      string    `json:"subject"`
	ActorName    string    `json:"actor_name"` // "" when the actor is gone
	Excerpt      string    `json:"excerpt"`    // the note, for a mention
	CreatedAt    time.Time `json:"created_at"`
	Read         bool      `json:"read"`
}

// ErrNotFound is returned for a notice that is not the operator's.
var ErrNotFound = domain.NotFound("notification")

// Mailer queues mail to operators with the change that caused it.
type Mailer interface {
	MailOperator(ctx context.Context, tx *db.Tx, m outbound.OperatorMail) error
}

// Service records and lists notices.
type Service struct {
	DB      *db.DB
	Mail    Mailer // nil: no mail
	BaseURL string // for the ticket's link in the mail
	Bus     Bus    // nil: the badge shows new notices at the next page
}

// Bus carries the new unread count to the operator's open pages.
type Bus interface{ Send(e events.Event) }

// Notify implements ticket.Notifier: a new internal note tells the
// operators it mentions.
func (s *Service) Notify(ctx context.Context, tx *db.Tx, n ticket.Notice) error {
	if n.Kind == ticket.NoticeCreated && n.Channel == ticket.Manual && n.ActorID != 0 {
		return s.created(ctx, tx, n)
	}
	if n.Kind != ticket.NoticeMessage || n.MessageKind != ticket.Note || n.MessageID == 0 {
		return nil
	}
	var body string
	if err := tx.QueryRowContext(ctx, `SELECT body_text FROM messages WHERE id = $1`, n.MessageID).Scan(&body); err != nil {
		return err
	}
	ops, err := mentioned(ctx, tx, body)
	if err != nil {
		return err
	}
	for _, op := range ops {
		if op.id == n.ActorID {
			continue // writing your own name tells you nothing
		}
		if err := s.add(ctx, tx, op, Mention, n.TicketID, n.MessageID, n.ActorID, body); err != nil {
			return err
		}
	}
	return nil
}

// created tells the assignee of a ticket an operator opened in the app,
// or when it has none every member of its team, that it is theirs.
func (s *Service) created(ctx context.Context, tx *db.Tx, n ticket.Notice) error {
	ids, err := db.Int64s(ctx, tx, `SELECT assignee_id FROM tickets WHERE id = $1 AND assignee_id IS NOT NULL`, n.TicketID)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		ids, err = db.Int64s(ctx, tx, `SELECT m.operator_id FROM team_members m JOIN tickets t ON t.team_id = m.team_id
			WHERE t.id = $1 ORDER BY m.operator_id`, n.TicketID)
		if err != nil {
			return err
		}
	}
	return s.Tell(ctx, tx, Assigned, n.TicketID, n.ActorID, ids)
}

// Tell notifies operators ids of ticket ticketID for kind, inside tx.
func (s *Service) Tell(ctx context.Context, tx *db.Tx, kind Kind, ticketID, actorID int64, ids []int64) error {
	return s.TellWhy(ctx, tx, kind, ticketID, actorID, ids, "")
}

// TellWhy is Tell with a line saying why, for the mail (a rule's name).
func (s *Service) TellWhy(ctx context.Context, tx *db.Tx, kind Kind, ticketID, actorID int64, ids []int64, why string) error {
	for _, id := range ids {
		if id == actorID {
			continue
		}
		var op person
		err := tx.QueryRowContext(ctx, `SELECT id, name, email FROM operators WHERE id = $1 AND active`, id).
			Scan(&op.id, &op.name, &op.email)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		} else if err != nil {
			return err
		}
		if err := s.add(ctx, tx, op, kind, ticketID, 0, actorID, why); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) add(ctx context.Context, tx *db.Tx, op person, kind Kind, ticketID, msgID, actorID int64, body string) error {
	var pref MailPreference
	if err := tx.QueryRowContext(ctx, `SELECT notify_mail FROM operators WHERE id = $1`, op.id).Scan(&pref); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO notifications (operator_id, ticket_id, message_id, kind, actor_id, created_at,
		mail_due) VALUES ($1, $2, $3, $4, $5, $6, $7)`, op.id, ticketID, nullID(msgID), kind, nullID(actorID), db.Now(),
		pref == MailDigest && s.Mail != nil)
	if err == nil {
		s.changed(op.id)
	}
	if err != nil || s.Mail == nil || pref != MailEvery {
		return err
	}
	m, err := s.mail(ctx, tx, op, kind, ticketID, actorID, body)
	if err != nil {
		return err
	}
	return s.Mail.MailOperator(ctx, tx, m)
}

// mail words the notice for op.
func (s *Service) mail(ctx context.Context, tx *db.Tx, op person, kind Kind, ticketID, actorID int64, body string) (outbound.OperatorMail, error) {
	var number int64
	var subject string
	var actor sql.Null[string]
	err := tx.QueryRowContext(ctx, `SELECT t.number, t.subject, o.name FROM tickets t
		LEFT JOIN operators o ON o.id = $2 WHERE t.id = $1`, ticketID, actorID).Scan(&number, &subject, &actor)
	if err != nil {
		return outbound.OperatorMail{}, err
	}
	who := actor.V
	if who == "" {
		who = "Someone"
	}
	tag := "[#" + strconv.FormatInt(number, 10) + "] " + subject
	link := strings.TrimRight(s.BaseURL, "/") + "/tickets/" + strconv.FormatInt(number, 10)
	m := outbound.OperatorMail{TicketID: ticketID, To: outbound.Recipient{Name: op.name, Email: op.email}}
	switch kind {
	case Mention:
		m.Kind, m.Subject = outbound.Mention, who+" mentioned you on "+tag
		m.Text = who + " mentioned you in an internal note on ticket " + tag + ":\n\n" + body + "\n\nOpen the ticket: " + link
	case Automation: // the outbox has no kind of its own for it: an assigned-like notice
		m.Kind, m.Subject = outbound.Assigned, "Automation: "+tag
		m.Text = body + "\n\nOpen the ticket: " + link
	default:
		m.Kind, m.Subject = outbound.Assigned, "New ticket for you: "+tag
		m.Text = who + " opened ticket " + tag + " for you or your team.\n\nOpen the ticket: " + link
	}
	return m, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// changed tells the operator's open pages that their notices changed;
// each page's event stream counts them again shortly after (so after
// the commit) for the bell.
func (s *Service) changed(opID int64) {
	if s.Bus != nil {
		s.Bus.Send(events.Event{Kind: events.Notice, OperatorID: opID})
	}
}
