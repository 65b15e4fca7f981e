package inbound

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
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
	body := domain.Clean(strings.Join(lines, "\n"), true) + "\nThe address is marked as bouncing."
	msgID, err := in.Tickets.AddMessageTx(ctx, tx, ticketID, ticket.NewMessage{Kind: ticket.System, Body: body,
		Mail: &ticket.MailHeaders{MessageID: mi.msg.MessageID, From: addressList(mi.msg.From), AutoSubmitted: true}})
	if err != nil {
		return Result{}, err
	}
	return Result{Status: StatusProcessed, TicketID: ticketID, MessageID: msgID}, nil
}

// quotedMessageID finds the Message-ID a plain-text bounce quotes from the
// returned mail's header.
var quotedMessageID = regexp.MustCompile(`(?im)^\s*>?\s*Message-ID:\s*<([^>\s]+)>`)

// isDaemon reports whether the sender is a mail system's own address.
func isDaemon(sender string) bool {
	local, _, _ := strings.Cut(sender, "@")
	return local == "mailer-daemon" || local == "postmaster"
}

// plainBounce files a bounce that came without a delivery report (old
// mail systems write one in prose): a system message on the ticket of the
// mail it quotes; it never opens a ticket. Without a report the failed
// address is not known for sure, so none is marked as bouncing.
func (in *Intake) plainBounce(ctx context.Context, tx *db.Tx, mi *mailIn) (Result, error) {
	ids := referenced(mi)
	for _, m := range quotedMessageID.FindAllStringSubmatch(mi.msg.TextBody, 5) {
		ids = append(ids, m[1])
	}
	ticketID, err := byMessageIDs(ctx, tx, ids)
	if err != nil || ticketID == 0 {
		return Result{Status: StatusIgnored, Reason: "mail from a mail system about no mail a ticket knows"}, err
	}
	body := "A mail system reported a problem delivering a mail of this ticket (" + mi.msg.Subject + "):\n\n" +
		clip(mi.body, 4000)
	msgID, err := in.Tickets.AddMessageTx(ctx, tx, ticketID, ticket.NewMessage{Kind: ticket.System, Body: body,
		Mail: &ticket.MailHeaders{MessageID: mi.msg.MessageID, From: addressList(mi.msg.From), AutoSubmitted: true}})
	if err != nil {
		return Result{}, err
	}
	return Result{Status: StatusProcessed, TicketID: ticketID, MessageID: msgID}, nil
}
