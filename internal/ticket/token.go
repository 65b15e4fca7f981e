package ticket

import (
	"context"
	"crypto/subtle"

	"github.com/frontdesk/frontdesk/internal/db"
)

// ByToken returns the ticket whose public link token is token. The lookup
// goes through the unique index; the final comparison is constant-time.
func (s *Service) ByToken(ctx context.Context, token string) (Ticket, error) {
	if !wellFormedToken(token) {
		return Ticket{}, ErrNotFound
	}
	t, err := s.getBy(ctx, s.DB.Read, `t.public_token = $1`, token)
	if err != nil {
		return Ticket{}, err
	}
	if subtle.ConstantTimeCompare([]byte(t.PublicToken), []byte(token)) != 1 {
		return Ticket{}, ErrNotFound
	}
	return t, nil
}

// wellFormedToken reports whether token could be one NewToken made:
// base64url, of a sane length. Anything else names no ticket and never
// reaches a query (PostgreSQL refuses NUL and invalid UTF-8 in one, a
// 500 for whoever typed it).
func wellFormedToken(token string) bool {
	if len(token) < 20 || len(token) > 64 {
		return false
	}
	for _, b := range []byte(token) {
		if !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '-' || b == '_') {
			return false
		}
	}
	return true
}

// RotateToken gives ticket id a new public link; the old one stops working.
func (s *Service) RotateToken(ctx context.Context, id, actorID int64) (Ticket, error) {
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE tickets SET public_token = $2, updated_at = $3 WHERE id = $1`,
			id, NewToken(), db.Now())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.recordEvent(ctx, tx, id, actorID, EventLinkRotated, map[string]any{}, db.Now())
	})
	if err != nil {
		return Ticket{}, err
	}
	return s.Get(ctx, id)
}
