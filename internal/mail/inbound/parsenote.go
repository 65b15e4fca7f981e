package inbound

import (
	"context"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/parse"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// noteParsing tells the operators, with a system message on the ticket
// (never shown to the customer), what the parser had to do that the mail
// itself no longer shows: a sender taken from another header than From,
// parts of a huge mail not taken in (the raw mail keeps them).
func (in *Intake) noteParsing(ctx context.Context, tx *db.Tx, ticketID int64, m *parse.Message) error {
	var lines []string
	if m.FromHeader != "" {
		lines = append(lines, fmt.Sprintf("Sender taken from %s: the mail had no usable From.", m.FromHeader))
	}
	if m.PartsLeftOut > 0 {
		lines = append(lines, fmt.Sprintf("%d parts of this mail were not taken in (at most %d are); the raw mail still has them.",
			m.PartsLeftOut, parse.MaxAttachments))
	}
	if len(lines) == 0 || ticketID == 0 {
		return nil
	}
	_, err := in.Tickets.AddMessageTx(ctx, tx, ticketID, ticket.NewMessage{Kind: ticket.System,
		Body: strings.Join(lines, "\n")})
	return err
}
