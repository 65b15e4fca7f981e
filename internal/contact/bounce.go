package contact

import (
	"context"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// MarkBouncing records that mail to address comes back undelivered, so
// nothing more is sent to it until it works again.
func MarkBouncing(ctx context.Context, q db.Querier, address string) error {
	_, err := q.ExecContext(ctx, `UPDATE contact_emails SET bouncing = TRUE WHERE email = $1`,
		strings.ToLower(strings.TrimSpace(address)))
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
	_, err := q.ExecContext(ctx, `UPDATE contact_emails SET bouncing = FALSE WHERE email = $1 AND bouncing`,
		strings.ToLower(strings.TrimSpace(address)))
	return err
}
