package auth

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Save records r on message id (migration 0021: message_auth).
func Save(ctx context.Context, q db.Querier, messageID int64, r Result) error {
	_, err := q.ExecContext(ctx, `INSERT INTO message_auth (message_id, dkim, spf, dmarc, detail)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (message_id) DO NOTHING`,
		messageID, r.DKIM, r.SPF, r.DMARC, r.Detail)
	return err
}

// ForTicket returns the results recorded on ticket id's messages, by
// message id; a message that came otherwise than by mail has none.
func ForTicket(ctx context.Context, q db.Querier, ticketID int64) (map[int64]Result, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.message_id, a.dkim, a.spf, a.dmarc, a.detail
		FROM message_auth a JOIN messages m ON m.id = a.message_id WHERE m.ticket_id = $1`, ticketID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]Result{}
	for rows.Next() {
		var id int64
		var r Result
		if err := rows.Scan(&id, &r.DKIM, &r.SPF, &r.DMARC, &r.Detail); err != nil {
			return nil, err
		}
		out[id] = r
	}
	return out, rows.Err()
}
