package operator

import (
	"cmp"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/session"
)

// ResetTTL is how long a "forgot password" link works.
const ResetTTL = time.Hour

// ErrResetLink is the one answer to a link that is unknown, used or
// expired: which of them is nobody's business.
var ErrResetLink = errors.New("this password link is unknown, used or expired")

// StartReset makes a single-use link token for the active operator with
// that address. An unknown or deactivated address is ErrNotFound; the
// edge answers both alike, so the form tells nobody who has an account.
func (s *Service) StartReset(ctx context.Context, email string) (string, Operator, error) {
	op, err := s.GetByEmail(ctx, strings.TrimSpace(email))
	if err != nil {
		return "", op, err
	}
	if !op.Active {
		return "", op, ErrNotFound
	}
	raw := make([]byte, 32)
	_, _ = rand.Read(raw) // never fails (crypto/rand)
	token := base64.RawURLEncoding.EncodeToString(raw)
	now := nowFn()
	_, err = s.DB.Write.ExecContext(ctx, `INSERT INTO password_resets (operator_id, token_hash, created_at, expires_at)
		VALUES ($1, $2, $3, $4)`, op.ID, resetHash(token), now, now.Add(ResetTTL))
	return token, op, err
}

// CheckReset returns the operator a live link token is for.
func (s *Service) CheckReset(ctx context.Context, token string) (Operator, error) {
	var id int64
	err := s.DB.Read.QueryRowContext(ctx, `SELECT r.operator_id FROM password_resets r JOIN operators o ON o.id = r.operator_id
		WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND o.active`, resetHash(token), nowFn()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Operator{}, ErrResetLink
	} else if err != nil {
		return Operator{}, err
	}
	return s.Get(ctx, id)
}

// FinishReset sets a new password through a live link, in one
// transaction: the link and every other link of the operator are used up,
// and every session ends (whoever asked for the link may not be the one
// signed in). A password too short is a field error and keeps the link.
func (s *Service) FinishReset(ctx context.Context, token, password string) (Operator, error) {
	var c domain.Check
	c.Require(len(password) >= minPasswordLen, "password", "must be at least 10 characters")
	if err := c.Err(); err != nil {
		return Operator{}, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return Operator{}, err
	}
	var id int64
	err = s.DB.WithTx(ctx, func(tx *db.Tx) error {
		now := nowFn()
		err := tx.QueryRowContext(ctx, `UPDATE password_resets SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL
			AND expires_at > $2 RETURNING operator_id`, resetHash(token), now).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrResetLink
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE password_resets SET used_at = $2 WHERE operator_id = $1 AND used_at IS NULL`, id, now); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE operators SET password_hash = $2, updated_at = $3 WHERE id = $1 AND active`, id, hash, now)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 { // deactivated since
			return cmp.Or(err, ErrResetLink)
		}
		return session.EndOthers(ctx, tx, id, "")
	})
	if err != nil {
		return Operator{}, err
	}
	return s.Get(ctx, id)
}

func resetHash(token string) string { return hex.EncodeToString(hashToken(token)) }
