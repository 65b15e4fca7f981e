package contact

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Bounce is an address of a contact that mail comes back from: nothing is
// sent to it until an operator clears the mark or mail from it arrives.
type Bounce struct {
	Email  string    `json:"email"`
	At     time.Time `json:"bounced_at"`
	Reason string    `json:"reason"` // the delivery report's status and diagnostic
}

// maxBounceReason bounds the remote server's text kept with a bounce.
const maxBounceReason = 500

// MarkBouncing records that mail to address comes back undelivered, and
// why, so nothing more is sent to it until it works again. Intake calls it
// only for a report about a mail we sent to that address.
func MarkBouncing(ctx context.Context, q db.Querier, address, reason string) error {
	if len(reason) > maxBounceReason {
		reason = reason[:maxBounceReason]
	}
	_, err := q.ExecContext(ctx, `UPDATE contact_emails SET bouncing = TRUE, bounced_at = $2, bounce_reason = $3
		WHERE email = $1`, strings.ToLower(strings.TrimSpace(address)), db.Now(), strings.ToValidUTF8(reason, ""))
	return err
}

// IsBouncing reports whether address is marked as bouncing.
func IsBouncing(ctx context.Context, q db.Querier, address string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM contact_emails WHERE email = $1 AND bouncing`,
		strings.ToLower(strings.TrimSpace(address))).Scan(&n)
	return n > 0, err
}

// ClearBouncing takes the mark off address: mail from it shows the
// mailbox works again.
func ClearBouncing(ctx context.Context, q db.Querier, address string) error {
	_, err := q.ExecContext(ctx, `UPDATE contact_emails SET bouncing = FALSE, bounced_at = NULL, bounce_reason = ''
		WHERE email = $1 AND bouncing`, strings.ToLower(strings.TrimSpace(address)))
	return err
}

// ErrNotBouncing is returned when clearing an address of the contact that
// is not marked as bouncing.
var ErrNotBouncing = domain.NotFound("bouncing address")

// ClearBounce is an operator taking the bouncing mark off one address of
// contact id (the customer fixed their mailbox): mail goes to it again.
func (s *Service) ClearBounce(ctx context.Context, id int64, address string) error {
	email, ok := domain.NormalizeEmail(address)
	if !ok {
		return domain.Invalid("email", "must be a valid email address")
	}
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		var bouncing bool
		err := tx.QueryRowContext(ctx, `SELECT bouncing FROM contact_emails WHERE email = $1 AND contact_id = $2`,
			email, id).Scan(&bouncing)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && !bouncing) {
			return ErrNotBouncing
		}
		if err != nil {
			return err
		}
		return ClearBouncing(ctx, tx, email)
	})
}

// fillBounces loads which addresses of c bounce.
func fillBounces(ctx context.Context, q db.Querier, c *Contact) error {
	rows, err := q.QueryContext(ctx, `SELECT email, bounced_at, bounce_reason FROM contact_emails
		WHERE contact_id = $1 AND bouncing ORDER BY position, email`, c.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	c.Bounces = []Bounce{}
	for rows.Next() {
		var b Bounce
		var at sql.Null[time.Time]
		if err := rows.Scan(&b.Email, &at, &b.Reason); err != nil {
			return err
		}
		b.At = at.V
		c.Bounces = append(c.Bounces, b)
	}
	return rows.Err()
}
