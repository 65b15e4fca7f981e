package automation

import (
	"context"
	"fmt"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/notification"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// stoppedFor reports whether r is switched off for ticket id, switching
// it off now when it fired more than stormFirings times in stormWindow
// there: a loop no other guard saw (two rules that trigger each other
// through the customer's auto-replies). The ticket gets a note and the
// admins a notification.
func (s *Service) stoppedFor(ctx context.Context, tx *db.Tx, r *compiled, id int64) (bool, error) {
	var stopped, recent int
	err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM rule_stops WHERE rule_id = $1 AND ticket_id = $2),
		(SELECT count(*) FROM rule_firings WHERE rule_id = $1 AND ticket_id = $2 AND fired_at > $3)`,
		r.ID, id, db.Now().Add(-stormWindow)).Scan(&stopped, &recent)
	if err != nil || stopped > 0 {
		return stopped > 0, err
	}
	if recent < stormFirings {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO rule_stops (rule_id, ticket_id, stopped_at) VALUES ($1, $2, $3)
		ON CONFLICT DO NOTHING`, r.ID, id, db.Now()); err != nil {
		return true, err
	}
	why := fmt.Sprintf("Rule %q is switched off for this ticket: it fired more than %d times in %d minutes, which looks like a loop.",
		r.Name, stormFirings, int(stormWindow.Minutes()))
	if err := s.note(ctx, tx, id, why); err != nil {
		return true, err
	}
	admins, err := db.Int64s(ctx, tx, `SELECT id FROM operators WHERE active AND role = 'admin' ORDER BY id`)
	if err != nil {
		return true, err
	}
	return true, s.Notify.TellWhy(ctx, tx, notification.Automation, id, 0, admins, why)
}

// note adds an internal note from the system, heard by no rule.
func (s *Service) note(ctx context.Context, tx *db.Tx, id int64, body string) error {
	ctx = ticket.WithCause(ctx, &ticket.Cause{RuleName: "loop guard", Depth: maxDepth, Quiet: true})
	_, err := s.Tickets.AddMessageTx(ctx, tx, id, ticket.NewMessage{Kind: ticket.Note, Body: body})
	return err
}
