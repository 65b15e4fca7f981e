// Package session keeps the sign-in sessions of the agent app: a random
// secret in the operator's cookie, its SHA-256 in the database, and an
// expiry that slides forward while the operator keeps working.
package session

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// DefaultTTL is how long a session lives after its last use.
const DefaultTTL = 14 * 24 * time.Hour

// touchEvery bounds the writes a busy session costs: its expiry moves at
// most once a minute, not on every request.
const touchEvery = time.Minute

// ErrUnknown is the one answer to a missing, unknown or expired secret.
var ErrUnknown = errors.New("session is missing, unknown or expired")

// Session is one signed-in browser.
type Session struct {
	OperatorID int64
	CreatedAt  time.Time
	ExpiresAt  time.Time
	// Renewed says the expiry moved, so the cookie should be sent again.
	Renewed bool
}

// Store keeps sessions in the database.
type Store struct {
	DB  *db.DB
	TTL time.Duration // 0: DefaultTTL
	Now func() time.Time
}

func (s *Store) ttl() time.Duration {
	if s.TTL > 0 {
		return s.TTL
	}
	return DefaultTTL
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return db.Norm(s.Now())
	}
	return db.Now()
}

func hash(secret string) []byte {
	sum := sha256.Sum256([]byte(secret))
	return sum[:]
}

// Create starts a session for operatorID and returns its secret, the value
// of the cookie. Expired sessions of everyone are swept on the way.
func (s *Store) Create(ctx context.Context, operatorID int64) (string, Session, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", Session{}, err
	}
	secret := base64.RawURLEncoding.EncodeToString(raw)
	now := s.now()
	ss := Session{OperatorID: operatorID, CreatedAt: now, ExpiresAt: now.Add(s.ttl())}
	if _, err := s.DB.Write.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < $1`, now); err != nil {
		return "", Session{}, err
	}
	_, err := s.DB.Write.ExecContext(ctx, `INSERT INTO sessions (id_hash, operator_id, created_at, expires_at, last_seen_at)
		VALUES ($1, $2, $3, $4, $3)`, hash(secret), operatorID, now, ss.ExpiresAt)
	return secret, ss, err
}

// Lookup returns the live session behind secret and slides its expiry.
func (s *Store) Lookup(ctx context.Context, secret string) (Session, error) {
	if secret == "" {
		return Session{}, ErrUnknown
	}
	var ss Session
	var lastSeen time.Time
	err := s.DB.Read.QueryRowContext(ctx, `SELECT operator_id, created_at, expires_at, last_seen_at
		FROM sessions WHERE id_hash = $1`, hash(secret)).Scan(&ss.OperatorID, &ss.CreatedAt, &ss.ExpiresAt, &lastSeen)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, ErrUnknown
	}
	if err != nil {
		return Session{}, err
	}
	now := s.now()
	if !now.Before(ss.ExpiresAt) {
		return Session{}, ErrUnknown
	}
	if now.Sub(lastSeen) >= touchEvery {
		ss.ExpiresAt, ss.Renewed = now.Add(s.ttl()), true
		if _, err := s.DB.Write.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $2, expires_at = $3
			WHERE id_hash = $1`, hash(secret), now, ss.ExpiresAt); err != nil {
			return Session{}, err
		}
	}
	return ss, nil
}

// Live reports whether the session behind secret still exists and has not
// expired, without sliding it: a stream held open is no sign of use.
func (s *Store) Live(ctx context.Context, secret string) (bool, error) {
	var expires time.Time
	err := s.DB.Read.QueryRowContext(ctx, `SELECT expires_at FROM sessions WHERE id_hash = $1`,
		hash(secret)).Scan(&expires)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil && s.now().Before(expires), err
}

// Delete ends the session behind secret (sign-out); an unknown one is no error.
func (s *Store) Delete(ctx context.Context, secret string) error {
	_, err := s.DB.Write.ExecContext(ctx, `DELETE FROM sessions WHERE id_hash = $1`, hash(secret))
	return err
}

// EndOthers ends every session of operatorID except the one behind keep
// ("" ends them all), inside q: a new password signs out the browsers
// that knew the old one.
func EndOthers(ctx context.Context, q db.Querier, operatorID int64, keep string) error {
	_, err := q.ExecContext(ctx, `DELETE FROM sessions WHERE operator_id = $1 AND id_hash <> $2`, operatorID, hash(keep))
	return err
}
