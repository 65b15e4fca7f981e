package operator

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Token is an API token's record; the secret itself is shown once, at
// creation, and only its SHA-256 is stored.
type Token struct {
	ID         int64      `json:"id"`
	OperatorID int64      `json:"operator_id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
}

// tokenPrefix makes tokens recognisable to secret scanners and to people.
const tokenPrefix = "fdk_"

// ErrBadToken is the one answer to any unusable token.
var ErrBadToken = errors.New("API token is missing, unknown or revoked")

var nowFn = db.Now

func hashToken(secret string) []byte {
	sum := sha256.Sum256([]byte(secret))
	return sum[:]
}

// CreateToken makes a token for operator ownerID. Agents may create tokens
// only for themselves.
func (s *Service) CreateToken(ctx context.Context, actor Operator, ownerID int64, name string) (string, Token, error) {
	if !actor.IsAdmin() && actor.ID != ownerID {
		return "", Token{}, domain.Forbidden("only an admin can create tokens for other operators")
	}
	name = strings.TrimSpace(name)
	if name == "" {
		name = "API token"
	}
	var c domain.Check
	c.Line("name", name)
	c.Require(!domain.TooLong(name, 100), "name", "must be at most 100 characters")
	if err := c.Err(); err != nil {
		return "", Token{}, err
	}
	if _, err := s.Get(ctx, ownerID); err != nil {
		return "", Token{}, err
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", Token{}, err
	}
	secret := tokenPrefix + base64.RawURLEncoding.EncodeToString(raw)
	t := Token{OperatorID: ownerID, Name: name, CreatedAt: nowFn()}
	err := s.DB.Write.QueryRowContext(ctx, `INSERT INTO api_tokens (operator_id, name, token_hash, created_at)
		VALUES ($1, $2, $3, $4) RETURNING id`, ownerID, name, hashToken(secret), t.CreatedAt).Scan(&t.ID)
	return secret, t, err
}

// ByToken returns the active operator that owns secret.
func (s *Service) ByToken(ctx context.Context, secret string) (Operator, error) {
	if !strings.HasPrefix(secret, tokenPrefix) {
		return Operator{}, ErrBadToken
	}
	hash := hashToken(secret)
	if op, ok := s.tokens.get(hash, time.Now()); ok {
		return op, nil
	}
	var tokenID int64
	var lastUsed sql.Null[time.Time]
	row := s.DB.Read.QueryRowContext(ctx, `SELECT o.id, o.email, o.name, o.role, o.active, o.created_at, o.updated_at,
		t.id, t.last_used_at FROM api_tokens t JOIN operators o ON o.id = t.operator_id
		WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND o.active`, hash)
	var o Operator
	err := row.Scan(&o.ID, &o.Email, &o.Name, &o.Role, &o.Active, &o.CreatedAt, &o.UpdatedAt, &tokenID, &lastUsed)
	if errors.Is(err, sql.ErrNoRows) {
		return Operator{}, ErrBadToken
	}
	if err != nil {
		return Operator{}, err
	}
	// Last use is kept to the minute so a busy token costs no write per request.
	if now := nowFn(); !lastUsed.Valid || now.Sub(lastUsed.V) > time.Minute {
		_, _ = s.DB.Write.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $2 WHERE id = $1`, tokenID, now)
	}
	s.tokens.put(hash, o, time.Now())
	return o, nil
}

// Tokens lists the tokens of ownerID, newest first.
func (s *Service) Tokens(ctx context.Context, actor Operator, ownerID int64) ([]Token, error) {
	if !actor.IsAdmin() && actor.ID != ownerID {
		return nil, domain.Forbidden("only an admin can see other operators' tokens")
	}
	if _, err := s.Get(ctx, ownerID); err != nil {
		return nil, err
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT id, operator_id, name, created_at, last_used_at, revoked_at
		FROM api_tokens WHERE operator_id = $1 ORDER BY id DESC`, ownerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Token
	for rows.Next() {
		var t Token
		if err := rows.Scan(&t.ID, &t.OperatorID, &t.Name, &t.CreatedAt, &t.LastUsedAt, &t.RevokedAt); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken stops token id from working. Agents may revoke only their own.
func (s *Service) RevokeToken(ctx context.Context, actor Operator, id int64) error {
	var owner int64
	err := s.DB.Read.QueryRowContext(ctx, `SELECT operator_id FROM api_tokens WHERE id = $1`, id).Scan(&owner)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.NotFound("token")
	}
	if err != nil {
		return err
	}
	if !actor.IsAdmin() && actor.ID != owner {
		return domain.Forbidden("only an admin can revoke other operators' tokens")
	}
	_, err = s.DB.Write.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, id, nowFn())
	s.tokens.clear()
	return err
}
