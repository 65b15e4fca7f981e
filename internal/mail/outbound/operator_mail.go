package outbound

import (
	"context"
	"fmt"
	"html"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Mails to operators about a ticket: they go through the outbox like the
// customers' mail, from no-reply@ the mail domain (an answer must not land
// in the customer's thread), and are automatic.
const (
	Mention  Kind = "mention"  // an @name in an internal note
	Assigned Kind = "assigned" // a ticket an operator opened for them or their team
	Digest   Kind = "digest"   // a day's unread notifications; TicketID 0
)

// OperatorMail is one such mail; a digest belongs to no single ticket.
type OperatorMail struct {
	TicketID int64
	Kind     Kind
	To       Recipient
	Subject  string
	Text     string // plain text; the HTML is made from it
}

// MailOperator queues m inside the caller's transaction.
func (s *Service) MailOperator(ctx context.Context, tx *db.Tx, m OperatorMail) error {
	id := s.newMessageID()
	from := "no-reply@" + id[strings.LastIndex(id, "@")+1:]
	htm := strings.ReplaceAll(html.EscapeString(m.Text), "\n", "<br>")
	mail := Mail{TicketID: m.TicketID, Kind: m.Kind, Automatic: true, MailMessageID: id,
		From: Recipient{Name: "Frontdesk", Email: from}, ReplyTo: from, To: m.To, Subject: m.Subject,
		Text: m.Text, HTML: `<!DOCTYPE html><html><body>` + htm + `</body></html>`, Status: Queued}
	if err := insertMail(ctx, tx, &mail); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}
