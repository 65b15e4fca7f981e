package webhook

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TicketEvent queues event about ticket ticketID, with the ticket as it
// is in tx and change as the payload's change, for callers outside the
// ticket service: SLA warnings and breaches, automations.
func (s *Service) TicketEvent(ctx context.Context, tx *db.Tx, event string, ticketID int64, change map[string]any) error {
	targets, err := enabled(ctx, tx, 0)
	if targets = wanting(targets, event); err != nil || len(targets) == 0 {
		return err
	}
	p, err := load(ctx, tx, ticket.Notice{TicketID: ticketID})
	if err != nil {
		return err
	}
	p.Change = change
	return queue(ctx, tx, targets, false, event, p)
}

// CallFor queues event about ticket ticketID for webhook id alone, with
// the ticket as it is in tx: an automation rule's "call a webhook". The
// rule's name is the payload's change ({"rule": ...}). A disabled or
// deleted webhook gets nothing; a customer-facing one never a note_added.
func (s *Service) CallFor(ctx context.Context, tx *db.Tx, id int64, event string, ticketID int64, rule string) error {
	targets, err := enabled(ctx, tx, id)
	if err != nil || len(targets) == 0 {
		return err
	}
	p, err := load(ctx, tx, ticket.Notice{TicketID: ticketID})
	if err != nil {
		return err
	}
	p.Change = map[string]any{"rule": rule}
	return queue(ctx, tx, targets, true, event, p)
}
