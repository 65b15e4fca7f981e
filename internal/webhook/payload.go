package webhook

import (
	"context"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TicketPayload is the data of a ticket event: the ticket as it is after
// the change, the message that made it (if any) and the change itself.
type TicketPayload struct {
	Ticket  TicketData     `json:"ticket"`
	Message *MessageData   `json:"message,omitempty"`
	Change  map[string]any `json:"change,omitempty"`
	Actor   *Ref           `json:"actor"` // the operator; null for the customer or the system
}

// TicketData is what a webhook learns of a ticket. The public link's
// token is left out: it is the customer's only credential.
type TicketData struct {
	ID        int64     `json:"id"`
	Number    int64     `json:"number"`
	Subject   string    `json:"subject"`
	Status    string    `json:"status"`
	Kind      string    `json:"status_kind"`
	Priority  int       `json:"priority"`
	Channel   string    `json:"channel"`
	Team      string    `json:"team"` // slug
	Assignee  *Ref      `json:"assignee"`
	Contact   Contact   `json:"contact"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Ref names an operator.
type Ref struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Contact is the ticket's customer.
type Contact struct {
	ID        int64  `json:"id"`
	Email     string `json:"email"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
}

// MessageData is the message behind an event.
type MessageData struct {
	ID        int64     `json:"id"`
	Kind      string    `json:"kind"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

// Public drops an internal note or system message: a customer-facing
// webhook sees the ticket and the public thread only.
func (p TicketPayload) Public() (any, bool) {
	if p.Message != nil && !ticket.MessageKind(p.Message.Kind).Public() {
		p.Message = nil
	}
	return p, true
}

// Notify implements ticket.Notifier: each change to a ticket queues the
// events it stands for, in the change's transaction.
func (s *Service) Notify(ctx context.Context, tx *db.Tx, n ticket.Notice) error {
	events := eventsOf(n)
	if len(events) == 0 {
		return nil
	}
	targets, err := enabled(ctx, tx, 0)
	if targets = wanting(targets, events...); err != nil || len(targets) == 0 {
		return err // no webhook wants these events: nothing to read
	}
	p, err := load(ctx, tx, n)
	if err != nil {
		return err
	}
	for _, e := range events {
		if err := queue(ctx, tx, targets, false, e, p); err != nil {
			return err
		}
	}
	return nil
}

// eventsOf names the webhook events of a notice.
func eventsOf(n ticket.Notice) []string {
	switch n.Kind {
	case ticket.NoticeCreated:
		return []string{TicketCreated}
	case ticket.NoticeMessage:
		switch n.MessageKind {
		case ticket.Customer:
			return []string{CustomerReplied}
		case ticket.Reply:
			return []string{AnswerSent}
		case ticket.Note:
			return []string{NoteAdded}
		}
	case ticket.NoticeChanged:
		switch n.Event {
		case ticket.EventStatus, ticket.EventReopened:
			return []string{StatusLeft, StatusEntered, TicketUpdated}
		case ticket.EventAssignee:
			return []string{AssigneeChanged, TicketUpdated}
		case ticket.EventPriority:
			return []string{PriorityChanged, TicketUpdated}
		case ticket.EventLinkRotated:
			return nil
		}
		return []string{TicketUpdated}
	}
	return nil
}

// load reads the payload of n inside tx, so it shows the change.
func load(ctx context.Context, tx *db.Tx, n ticket.Notice) (TicketPayload, error) {
	var p TicketPayload
	t := &p.Ticket
	var aID *int64
	var aName, aEmail *string
	err := tx.QueryRowContext(ctx, `SELECT t.id, t.number, t.subject, s.name, s.kind, t.priority, t.channel, tm.slug,
		o.id, o.name, o.email, c.id, COALESCE((SELECT e.email FROM contact_emails e WHERE e.contact_id = c.id
		ORDER BY e.position LIMIT 1), ''), c.first_name, c.last_name, t.created_at, t.updated_at
		FROM tickets t JOIN statuses s ON s.id = t.status_id JOIN teams tm ON tm.id = t.team_id
		JOIN contacts c ON c.id = t.contact_id LEFT JOIN operators o ON o.id = t.assignee_id
		WHERE t.id = $1`, n.TicketID).Scan(&t.ID, &t.Number, &t.Subject, &t.Status, &t.Kind, &t.Priority,
		&t.Channel, &t.Team, &aID, &aName, &aEmail, &t.Contact.ID, &t.Contact.Email, &t.Contact.FirstName,
		&t.Contact.LastName, &t.CreatedAt, &t.UpdatedAt)
	if err != nil {
		return p, err
	}
	if aID != nil {
		t.Assignee = &Ref{ID: *aID, Name: *aName, Email: *aEmail}
	}
	if n.Kind == ticket.NoticeChanged {
		p.Change = map[string]any{"field": n.Event, "from": n.Data["from"], "to": n.Data["to"]}
		if name, ok := n.Data["field"].(string); ok && n.Event == ticket.EventField {
			p.Change["field"], p.Change["label"] = "fields."+name, n.Data["label"] // which custom field, as rules name it
		}
	}
	if p.Actor, err = actor(ctx, tx, n.ActorID); err != nil {
		return p, err
	}
	if n.MessageID == 0 {
		return p, nil
	}
	m := &MessageData{}
	err = tx.QueryRowContext(ctx, `SELECT id, kind, body_text, created_at FROM messages WHERE id = $1`, n.MessageID).
		Scan(&m.ID, &m.Kind, &m.Body, &m.CreatedAt)
	p.Message = m
	return p, err
}

func actor(ctx context.Context, tx *db.Tx, id int64) (*Ref, error) {
	if id == 0 {
		return nil, nil
	}
	r := &Ref{ID: id}
	err := tx.QueryRowContext(ctx, `SELECT name, email FROM operators WHERE id = $1`, id).Scan(&r.Name, &r.Email)
	return r, err
}
