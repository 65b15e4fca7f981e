package automation

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/notification"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Tickets reads and changes tickets inside the caller's transaction.
type Tickets interface {
	Get(ctx context.Context, id int64) (ticket.Ticket, error)
	// FactsTx is the part of the ticket conditions read, without custom
	// values, which CustomTx reads when a condition asks.
	FactsTx(ctx context.Context, q db.Querier, id int64) (ticket.Ticket, error)
	CustomTx(ctx context.Context, q db.Querier, id, pipelineID int64) (map[string]any, error)
	UpdateTx(ctx context.Context, tx *db.Tx, id int64, p ticket.Patch) error
	AddMessageTx(ctx context.Context, tx *db.Tx, id int64, m ticket.NewMessage) (int64, error)
	RecordRule(ctx context.Context, tx *db.Tx, id int64, rule, line string) error
}

// Notifier tells operators about a ticket (internal/notification).
type Notifier interface {
	TellWhy(ctx context.Context, tx *db.Tx, kind notification.Kind, ticketID, actorID int64, ids []int64, why string) error
}

// Mailer queues a team template's mail to a ticket's customer, under the
// email channel's loop protection, and checks templates.
type Mailer interface {
	TemplateChecker
	MailCustomer(ctx context.Context, tx *db.Tx, ticketID int64, template, subject, body string, trigger *ticket.MailHeaders) error
}

// Webhooks queues a delivery of a ticket's event to one webhook, in the
// rule's transaction (internal/webhook); the outbox's sender posts it.
type Webhooks interface {
	CallFor(ctx context.Context, tx *db.Tx, webhookID int64, event string, ticketID int64, rule string) error
}

// Calendars reads a team's business hours.
type Calendars interface {
	Get(ctx context.Context, id int64) (calendar.Record, error)
}

// Service stores rules and runs them.
type Service struct {
	DB        *db.DB
	Tickets   Tickets
	Notify    Notifier
	Mail      Mailer
	Calendars Calendars
	Webhooks  Webhooks // nil: call_webhook does nothing
	cache     db.Memo[struct{}, ruleSet]
}

// Create validates and stores a new rule.
func (s *Service) Create(ctx context.Context, r Rule) (Rule, error) {
	r.ID = 0
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if err := s.check(ctx, tx, &r); err != nil {
			return err
		}
		if err := insertRule(ctx, tx, &r); err != nil {
			return err
		}
		return s.armExisting(ctx, tx, r)
	})
	if err != nil {
		return Rule{}, err
	}
	s.cache.Forget()
	return s.Get(ctx, r.ID)
}

// Update validates and stores rule r over the one with its id.
func (s *Service) Update(ctx context.Context, r Rule) (Rule, error) {
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if err := s.check(ctx, tx, &r); err != nil {
			return err
		}
		if err := updateRule(ctx, tx, r); err != nil {
			return err
		}
		return s.armExisting(ctx, tx, r)
	})
	if err != nil {
		return Rule{}, err
	}
	s.cache.Forget()
	return s.Get(ctx, r.ID)
}

// Delete removes rule id with its firings and timers.
func (s *Service) Delete(ctx context.Context, id int64) error {
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM rules WHERE id = $1`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	s.cache.Forget()
	return err
}
