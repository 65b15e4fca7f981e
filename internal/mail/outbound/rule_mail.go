package outbound

import (
	"context"
	"errors"
	"fmt"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// MailCustomer queues the team's template of kind (received or closed)
// to the ticket's customer for an automation rule, inside the rule's
// transaction. A subject and body, when given, replace the template's
// wording. The mail is automatic: it carries Auto-Submitted and passes
// the loop protection (trigger is the mail that fired the rule, if any).
func (s *Service) MailCustomer(ctx context.Context, tx *db.Tx, ticketID int64, kind, subject, body string,
	trigger *ticket.MailHeaders) error {
	k := Kind(kind)
	if k != Received && k != Closed {
		return fmt.Errorf("outbox: no template %q for rules", kind)
	}
	tc, tpl, err := loadTicket(ctx, tx, ticketID, k)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if subject != "" || body != "" {
		tpl.Subject, tpl.Body = subject, body
	}
	tc.BaseURL = s.BaseURL
	n := ticket.Notice{TicketID: ticketID, Mail: trigger}
	m, err := s.compose(ctx, tx, tc, tpl, n)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if err := s.guard(ctx, tx, &m, n); err != nil {
		return err
	}
	return insertMail(ctx, tx, &m)
}

// CheckTemplate reports, by field (subject, body), why a rule's wording
// would not render.
func (s *Service) CheckTemplate(subject, body string) map[string]string {
	var c domain.Check
	Template{Kind: "", Subject: subject, Body: body}.check(&c)
	var ve *domain.ValidationError
	out := map[string]string{}
	if errors.As(c.Err(), &ve) {
		for k, v := range ve.Fields {
			out[k[1:]] = v // check names fields ".subject" for an unnamed kind
		}
	}
	return out
}
