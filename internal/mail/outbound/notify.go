package outbound

import (
	"context"
	"fmt"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Notify queues the mail a change calls for, inside the change's
// transaction. Internal notes and system messages never make a mail.
func (s *Service) Notify(ctx context.Context, tx *db.Tx, n ticket.Notice) error {
	kind, ok := kindOf(n)
	if !ok {
		return nil
	}
	tc, tpl, err := loadTicket(ctx, tx, n.TicketID, kind)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if !tpl.Enabled {
		return nil
	}
	tc.BaseURL = s.BaseURL
	m, err := s.compose(ctx, tx, tc, tpl, n)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if err := s.guard(ctx, tx, &m, n); err != nil {
		return err
	}
	if err := insertMail(ctx, tx, &m); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if kind == Reply && m.Status != Suppressed {
		// Inbound threading finds answers to this reply by its id.
		_, err = tx.ExecContext(ctx, `UPDATE messages SET mail_message_id = $2 WHERE id = $1
			AND mail_message_id IS NULL`, n.MessageID, m.MailMessageID)
	}
	return err
}

// kindOf picks the mail for a notice, if any: a public reply. The
// received and closed mails are automation rules (MailCustomer), made for
// every team (internal/automation, defaults.go).
func kindOf(n ticket.Notice) (Kind, bool) {
	if n.Kind == ticket.NoticeMessage {
		return Reply, n.MessageKind == ticket.Reply && n.MessageID != 0
	}
	return "", false
}

// compose renders the mail for tc from tpl.
func (s *Service) compose(ctx context.Context, tx *db.Tx, tc ticketContext, tpl Template, n ticket.Notice) (Mail, error) {
	m := Mail{TicketID: tc.ID, Kind: tpl.Kind, Automatic: tpl.Kind.Automatic(), MailMessageID: s.newMessageID(),
		From: Recipient{Name: tc.TeamName, Email: tc.Alias}, ReplyTo: replyAddress(tc.Alias, tc.Token),
		To: Recipient{Name: tc.ContactName, Email: tc.ContactEmail}, Status: Queued}
	v := tc.values()
	if tpl.Kind == Reply {
		msg, err := loadMessage(ctx, tx, n.MessageID)
		if err != nil {
			return m, err
		}
		m.MessageID, m.Attachments = n.MessageID, msg.Files
		v.MessageText, v.MessageHTML, v.AgentName = msg.Text, msg.HTML, msg.Author
		if msg.Signature != "" {
			v.MessageText, v.MessageHTML = signed(msg.Text, msg.HTML, msg.Signature)
		}
		if s.Participants != nil {
			cc, err := s.Participants.Participants(ctx, tx, tc.ID)
			if err != nil {
				return m, err
			}
			m.Cc = otherThan(cc, m.To.Email, m.From.Email)
		}
	}
	r, err := tpl.Render(v)
	if err != nil {
		return m, err
	}
	m.Subject, m.Text, m.HTML = r.Subject, r.Text, s.branded(ctx, r.HTML)
	m.References, err = threadIDs(ctx, tx, tc.ID)
	if len(m.References) > 0 {
		m.InReplyTo = m.References[len(m.References)-1]
	}
	return m, err
}
