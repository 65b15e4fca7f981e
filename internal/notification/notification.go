// Package notification tells operators about tickets that need them: an
// @name in an internal note, a ticket opened for them or their team. Each
// notice is a row the operator sees in the app (a list and an unread
// badge) and a mail through the outbox.
package notification

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
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
	mention := &notice{kind: Mention, ticketID: n.TicketID, msgID: n.MessageID, actorID: n.ActorID, body: body}
	for _, op := range ops {
		if op.id == n.ActorID {
			continue // writing your own name tells you nothing
		}
		if err := s.add(ctx, tx, op, mention); err != nil {
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
// The operators are read in one query and the ticket once, however many
// are told.
func (s *Service) TellWhy(ctx context.Context, tx *db.Tx, kind Kind, ticketID, actorID int64, ids []int64, why string) error {
	ops, err := people(ctx, tx, ids)
	if err != nil {
		return err
	}
	n := &notice{kind: kind, ticketID: ticketID, actorID: actorID, body: why}
	for _, op := range ops {
		if op.id == actorID {
			continue
		}
		if err := s.add(ctx, tx, op, n); err != nil {
			return err
		}
	}
	return nil
}

// peopleSQL reads the active operators among a list of ids, given as an
// array on PostgreSQL and as a JSON array on SQLite.
var peopleSQL = map[db.Dialect]string{
	db.Postgres: `SELECT id, name, email, notify_mail FROM operators WHERE active AND id = ANY($1) ORDER BY id`,
	db.SQLite:   `SELECT id, name, email, notify_mail FROM operators WHERE active AND id IN (SELECT value FROM json_each($1)) ORDER BY id`,
}

func people(ctx context.Context, tx *db.Tx, ids []int64) ([]person, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var arg any = ids
	if tx.Dialect == db.SQLite {
		raw, _ := json.Marshal(ids)
		arg = string(raw)
	}
	rows, err := tx.QueryContext(ctx, peopleSQL[tx.Dialect], arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []person
	for rows.Next() {
		var p person
		if err := rows.Scan(&p.id, &p.name, &p.email, &p.pref); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// notice is one notice told to one or more operators; what its mails
// share (the ticket's number and subject, the actor's name) is read once.
type notice struct {
	kind                     Kind
	ticketID, msgID, actorID int64
	body                     string
	about                    *about
}

type about struct {
	number  int64
	subject string
	actor   string
}

func (s *Service) add(ctx context.Context, tx *db.Tx, op person, n *notice) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO notifications (operator_id, ticket_id, message_id, kind, actor_id, created_at,
		mail_due) VALUES ($1, $2, $3, $4, $5, $6, $7)`, op.id, n.ticketID, nullID(n.msgID), n.kind, nullID(n.actorID), db.Now(),
		op.pref == MailDigest && s.Mail != nil)
	if err == nil {
		s.changed(op.id)
	}
	if err != nil || s.Mail == nil || op.pref != MailEvery {
		return err
	}
	m, err := s.mail(ctx, tx, op, n)
	if err != nil {
		return err
	}
	return s.Mail.MailOperator(ctx, tx, m)
}

// mail words the notice for op.
func (s *Service) mail(ctx context.Context, tx *db.Tx, op person, n *notice) (outbound.OperatorMail, error) {
	if n.about == nil {
		a := &about{}
		var actor sql.Null[string]
		err := tx.QueryRowContext(ctx, `SELECT t.number, t.subject, o.name FROM tickets t
			LEFT JOIN operators o ON o.id = $2 WHERE t.id = $1`, n.ticketID, n.actorID).Scan(&a.number, &a.subject, &actor)
		if err != nil {
			return outbound.OperatorMail{}, err
		}
		a.actor = cmp.Or(actor.V, "Someone")
		n.about = a
	}
	a := n.about
	who := a.actor
	tag := "[#" + strconv.FormatInt(a.number, 10) + "] " + a.subject
	link := strings.TrimRight(s.BaseURL, "/") + "/tickets/" + strconv.FormatInt(a.number, 10)
	m := outbound.OperatorMail{TicketID: n.ticketID, To: outbound.Recipient{Name: op.name, Email: op.email}}
	switch n.kind {
	case Mention:
		m.Kind, m.Subject = outbound.Mention, who+" mentioned you on "+tag
		m.Text = who + " mentioned you in an internal note on ticket " + tag + ":\n\n" + n.body + "\n\nOpen the ticket: " + link
	case Automation: // the outbox has no kind of its own for it: an assigned-like notice
		m.Kind, m.Subject = outbound.Assigned, "Automation: "+tag
		m.Text = n.body + "\n\nOpen the ticket: " + link
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
