package app

import (
	"context"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// imapIntake hands what the IMAP syncers fetch to the inbound intake. A
// mail taken in before (a re-delivery after a crash or a UIDVALIDITY
// reset) is not an error: the syncer may move past it.
type imapIntake struct{ in *inbound.Intake }

func (a imapIntake) AcceptIMAP(ctx context.Context, raw []byte, teamID int64) error {
	_, err := a.in.Accept(ctx, raw, inbound.Source{Kind: "imap", Team: strconv.FormatInt(teamID, 10)})
	return err
}

// participants gives the outbox the people Cc'd on a ticket's mail.
type participants struct{}

func (participants) Participants(ctx context.Context, q db.Querier, ticketID int64) ([]outbound.Recipient, error) {
	people, err := ticket.Participants(ctx, q, ticketID)
	out := make([]outbound.Recipient, 0, len(people))
	for _, p := range people {
		out = append(out, outbound.Recipient{Name: p.Name, Email: p.Email})
	}
	return out, err
}

// chatContacts finds a signed chat visitor's contact by external id.
type chatContacts struct{ c *contact.Service }

// chatTranscripts queues a chat's transcript through the outbox.
type chatTranscripts struct{ o *outbound.Service }

func (t chatTranscripts) Transcript(ctx context.Context, tx *db.Tx, m chat.TranscriptMail) error {
	return t.o.QueueTranscript(ctx, tx, outbound.TranscriptMail{ChatID: m.ChatID, TeamID: m.TeamID, To: m.To,
		Subject: m.Subject, Text: m.Text})
}

func (a chatContacts) IDByExternalID(ctx context.Context, externalID string) (int64, error) {
	found, _, err := a.c.List(ctx, contact.Filter{ExternalID: externalID, Limit: 1})
	if err != nil || len(found) == 0 {
		return 0, err
	}
	return found[0].ID, nil
}
