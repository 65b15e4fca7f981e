package outbound

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// SentMail is a mail of ours as inbound mail may refer to it: a reply to it,
// or a delivery report about it.
type SentMail struct {
	TicketID int64
	To       []string // every recipient, lower-case
	Queued   time.Time
}

// WentTo reports whether the mail was addressed to address.
func (s SentMail) WentTo(address string) bool {
	address = strings.ToLower(strings.TrimSpace(address))
	for _, to := range s.To {
		if to == address {
			return true
		}
	}
	return false
}

// FindSent finds the first of ids (Message-IDs without brackets) that is
// a mail of the outbox; found is false when none is ours.
func FindSent(ctx context.Context, q db.Querier, ids []string) (sent SentMail, found bool, err error) {
	for _, id := range ids {
		var to, cc string
		err := q.QueryRowContext(ctx, `SELECT ticket_id, to_email, cc, created_at FROM mail_outbox
			WHERE mail_message_id = $1 AND ticket_id IS NOT NULL`, id).Scan(&sent.TicketID, &to, &cc, &sent.Queued)
		if isNoRows(err) {
			continue
		}
		if err != nil {
			return sent, false, err
		}
		var copies []Recipient
		if err := json.Unmarshal([]byte(cc), &copies); err != nil {
			return sent, false, err
		}
		sent.To = []string{strings.ToLower(to)}
		for _, c := range copies {
			sent.To = append(sent.To, strings.ToLower(c.Email))
		}
		return sent, true, nil
	}
	return SentMail{}, false, nil
}
