package inbound

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// UnmatchedBounce starts the reason of a delivery report that names no
// mail we sent to the failed address: it is kept, changes nothing, and
// the failed-mail page lists it.
const UnmatchedBounce = "unmatched bounce"

// bounce files a delivery report. A failed recipient is marked as
// bouncing (so no more mail goes to it) only when the report is about a
// mail we sent to that address: anyone can write a report, and a forged
// one must not silence the replies to a customer. The ticket of the mail
// that bounced gets a system message. A bounce never opens a ticket.
func (in *Intake) bounce(ctx context.Context, tx *db.Tx, mi *mailIn) (Result, error) {
	failed := mi.msg.Delivery.Failed()
	if len(failed) == 0 {
		return Result{Status: StatusIgnored, Reason: "delivery report without a failed recipient"}, nil
	}
	ids := referenced(mi)
	if id := mi.msg.Delivery.OriginalMessageID; id != "" {
		ids = append([]string{id}, ids...)
	}
	sent, found, err := outbound.FindSent(ctx, tx, ids)
	if err != nil || !found {
		return Result{Status: StatusIgnored, Reason: UnmatchedBounce + ": it is about no mail we sent"}, err
	}
	var lines []string
	for _, r := range failed {
		if !sent.WentTo(r.Address) {
			continue
		}
		why := strings.TrimSpace(r.Status + " " + r.Diagnostic)
		if err := contact.MarkBouncing(ctx, tx, r.Address, why); err != nil {
			return Result{}, err
		}
		line := fmt.Sprintf("Mail to %s could not be delivered", r.Address)
		if why != "" {
			line += fmt.Sprintf(" (%s)", why)
		}
		lines = append(lines, line+".")
	}
	if len(lines) == 0 {
		return Result{Status: StatusIgnored, Reason: UnmatchedBounce + ": it names no recipient of the mail"}, nil
	}
	body := domain.Clean(strings.Join(lines, "\n"), true) + "\nThe address is marked as bouncing."
	msgID, err := in.Tickets.AddMessageTx(ctx, tx, sent.TicketID, ticket.NewMessage{Kind: ticket.System,
		Body: body, Mail: &ticket.MailHeaders{MessageID: mi.msg.MessageID, From: addressList(mi.msg.From),
			AutoSubmitted: true}})
	if err != nil {
		return Result{}, err
	}
	return Result{Status: StatusProcessed, TicketID: sent.TicketID, MessageID: msgID}, nil
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
// mail of ours it quotes; it never opens a ticket. Without a report the
// failed address is not known for sure, so none is marked as bouncing.
func (in *Intake) plainBounce(ctx context.Context, tx *db.Tx, mi *mailIn) (Result, error) {
	ids := referenced(mi)
	for _, m := range quotedMessageID.FindAllStringSubmatch(mi.msg.TextBody, 5) {
		ids = append(ids, m[1])
	}
	sent, found, err := outbound.FindSent(ctx, tx, ids)
	if err != nil || !found {
		return Result{Status: StatusIgnored, Reason: "mail from a mail system about no mail we sent"}, err
	}
	body := "A mail system reported a problem delivering a mail of this ticket (" + mi.msg.Subject + "):\n\n" +
		clip(mi.body, 4000)
	msgID, err := in.Tickets.AddMessageTx(ctx, tx, sent.TicketID, ticket.NewMessage{Kind: ticket.System,
		Body: body, Mail: &ticket.MailHeaders{MessageID: mi.msg.MessageID, From: addressList(mi.msg.From),
			AutoSubmitted: true}})
	if err != nil {
		return Result{}, err
	}
	return Result{Status: StatusProcessed, TicketID: sent.TicketID, MessageID: msgID}, nil
}
