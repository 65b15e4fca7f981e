package inbound

import (
	"context"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// bounce files a delivery report: every failed recipient is marked as
// bouncing (so no more mail goes to it), and the ticket of the mail that
// bounced gets a system message saying so. A bounce never opens a ticket.
func (in *Intake) bounce(ctx context.Context, tx *db.Tx, mi *mailIn) (Result, error) {
	d := mi.msg.Delivery
	failed := d.Failed()
	var lines []string
	for _, r := range failed {
		if err := contact.MarkBouncing(ctx, tx, r.Address); err != nil {
			return Result{}, err
		}
		line := fmt.Sprintf("Mail to %s could not be delivered", r.Address)
		if r.Status != "" || r.Diagnostic != "" {
			line += fmt.Sprintf(" (%s)", strings.TrimSpace(r.Status+" "+r.Diagnostic))
		}
		lines = append(lines, line+".")
	}
	if len(failed) == 0 {
		return Result{Status: StatusIgnored, Reason: "delivery report without a failed recipient"}, nil
	}
	ids := referenced(mi)
	if d.OriginalMessageID != "" {
		ids = append([]string{d.OriginalMessageID}, ids...)
	}
	ticketID, err := byMessageIDs(ctx, tx, ids)
	if err != nil || ticketID == 0 {
		return Result{Status: StatusIgnored, Reason: "bounce of a mail no ticket knows"}, err
	}
	body := strings.Join(lines, "\n") + "\nThe address is marked as bouncing."
	msgID, err := in.Tickets.AddMessageTx(ctx, tx, ticketID, ticket.NewMessage{Kind: ticket.System, Body: body,
		Mail: &ticket.MailHeaders{MessageID: mi.msg.MessageID, From: addressList(mi.msg.From), AutoSubmitted: true}})
	if err != nil {
		return Result{}, err
	}
	return Result{Status: StatusProcessed, TicketID: ticketID, MessageID: msgID}, nil
}
