package ticket

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
)

// NoticeKind names a change the customer may need to hear about.
type NoticeKind string

// Pipeline restructuring (bulk moves) sends no notices: customers hear
// about their ticket, not about how the team reorganises its statuses.
const (
	NoticeCreated NoticeKind = "ticket.created"
	NoticeMessage NoticeKind = "message.created"
	NoticeClosed  NoticeKind = "ticket.closed"
	// NoticeChanged is one entry of the history written by an update
	// (status, priority, assignee, ...): webhooks and automations hear
	// of it; the customer's mail does not.
	NoticeChanged NoticeKind = "ticket.changed"
)

// Notice describes one such change, inside the transaction that made it.
type Notice struct {
	Kind        NoticeKind
	TicketID    int64
	MessageID   int64 // the new message (created: the first one, 0 if none)
	MessageKind MessageKind
	Channel     Channel      // created: the channel the ticket came by
	Mail        *MailHeaders // the incoming mail behind the change, if any
	ActorID     int64        // the operator who made it, 0 for customer or system
	// Changed: the history entry's kind (EventStatus, ...) and its data
	// ({"from": ..., "to": ...}).
	Event string
	Data  map[string]any
}

// Notifier hears of changes inside their transaction, so the mail it
// queues (an outbox row) commits or rolls back with the change itself.
type Notifier interface {
	Notify(ctx context.Context, tx *db.Tx, n Notice) error
}

func (s *Service) notify(ctx context.Context, tx *db.Tx, n Notice) error {
	if s.Notifier == nil {
		return nil
	}
	return s.Notifier.Notify(ctx, tx, n)
}
