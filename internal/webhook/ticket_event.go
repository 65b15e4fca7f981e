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
