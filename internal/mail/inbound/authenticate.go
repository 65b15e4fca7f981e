package inbound

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/mail/auth"
)

// authenticate checks DKIM, SPF and DMARC of a mail that came from outside
// (SMTP, IMAP); nil when there is no checker or the mail is an import (an
// administrator's own archive, whose keys may long have changed). The
// checks end in temperror when DNS does not answer within the checker's
// timeout: a mail is never lost or held up for them.
func (in *Intake) authenticate(ctx context.Context, row rawRow, raw []byte, from string) *auth.Result {
	if in.Auth == nil || row.source == SourceImport {
		return nil
	}
	r := in.Auth.Check(ctx, raw, from, row.envelope)
	return &r
}

// AuthResults returns what the checks said about ticket id's mails, by
// message id.
func (in *Intake) AuthResults(ctx context.Context, ticketID int64) (map[int64]auth.Result, error) {
	return auth.ForTicket(ctx, in.DB.Read, ticketID)
}
