package operator

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Service manages operators and their API tokens.
type Service struct {
	DB     *db.DB
	tokens tokenCache
}

const operatorColumns = `id, email, name, role, active, created_at, updated_at`

func scanOperator(row interface{ Scan(...any) error }) (Operator, error) {
	var o Operator
	err := row.Scan(&o.ID, &o.Email, &o.Name, &o.Role, &o.Active, &o.CreatedAt, &o.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return o, ErrNotFound
	}
	return o, err
}

// Create adds an operator. Without a password the operator cannot sign in
// until one is set.
func (s *Service) Create(ctx context.Context, in NewOperator) (Operator, error) {
	if err := in.validate(); err != nil {
		return Operator{}, err
	}
	hash := ""
	if in.Password != "" {
		var err error
		if hash, err = HashPassword(in.Password); err != nil {
			return Operator{}, err
		}
	}
	now := db.Now()
	row := s.DB.Write.QueryRowContext(ctx, `INSERT INTO operators (email, name, role, password_hash, active, created_at, updated_at)
		VALUES ($1, $2, $3, $4, TRUE, $5, $5) RETURNING `+operatorColumns, in.Email, in.Name, in.Role, hash, now)
	o, err := scanOperator(row)
	if db.IsUniqueViolation(err, "email") {
		return o, domain.Invalid("email", "an operator with this email already exists")
	}
	return o, err
}

// Get returns the operator with id.
func (s *Service) Get(ctx context.Context, id int64) (Operator, error) {
	return scanOperator(s.DB.Read.QueryRowContext(ctx, `SELECT `+operatorColumns+` FROM operators WHERE id = $1`, id))
}

// GetByEmail returns the operator with that address, in any case.
func (s *Service) GetByEmail(ctx context.Context, email string) (Operator, error) {
	email, _ = domain.NormalizeEmail(email)
	return scanOperator(s.DB.Read.QueryRowContext(ctx, `SELECT `+operatorColumns+` FROM operators WHERE email = $1`, email))
}

// List returns every operator, by name.
func (s *Service) List(ctx context.Context) ([]Operator, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+operatorColumns+` FROM operators ORDER BY lower(name), id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Operator
	for rows.Next() {
		o, err := scanOperator(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Count returns how many operators exist; the first start creates an
// admin when there are none.
func (s *Service) Count(ctx context.Context) (int, error) {
	var n int
	err := s.DB.Read.QueryRowContext(ctx, `SELECT count(*) FROM operators`).Scan(&n)
	return n, err
}

// Authenticate returns the active operator whose email and password match.
// Unknown address and wrong password give the same error.
func (s *Service) Authenticate(ctx context.Context, email, password string) (Operator, error) {
	email, ok := domain.NormalizeEmail(email)
	if !ok { // no operator has it, and NUL would fail the query on PostgreSQL
		_, _ = CheckPassword(dummyHash, password) // same work either way
		return Operator{}, ErrBadCredentials
	}
	var hash string
	row := s.DB.Read.QueryRowContext(ctx, `SELECT `+operatorColumns+`, password_hash FROM operators WHERE email = $1`, email)
	var o Operator
	err := row.Scan(&o.ID, &o.Email, &o.Name, &o.Role, &o.Active, &o.CreatedAt, &o.UpdatedAt, &hash)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (hash == "" || !o.Active)) {
		_, _ = CheckPassword(dummyHash, password) // same work either way
		return Operator{}, ErrBadCredentials
	}
	if err != nil {
		return Operator{}, err
	}
	if ok, err := CheckPassword(hash, password); err != nil || !ok {
		return Operator{}, ErrBadCredentials
	}
	return o, nil
}

// ErrBadCredentials is the one answer to any failed sign-in.
var ErrBadCredentials = errors.New("email or password is wrong")

// dummyHash is what an unknown address is checked against, so it costs
// the same as a known one. A fixed encoding with our parameters (random
// salt and key, matching no password) rather than one hashed at start:
// hashing takes argon2's 19 MiB, which a process that no one signs in to
// would hold for nothing.
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$fSWDfiQGClTlbTwq7R2fuQ$m2QfOIAZZx+kSwfYo5zUzedGeY9Ab5WjnHLOFHHlaFU"

// Find returns the operator named by ref, an id or an email, inside q.
func (s *Service) Find(ctx context.Context, q db.Querier, ref string) (Operator, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return scanOperator(q.QueryRowContext(ctx, `SELECT `+operatorColumns+` FROM operators WHERE id = $1`, id))
	}
	email, ok := domain.NormalizeEmail(ref)
	if !ok { // no operator has it, and NUL would fail the query on PostgreSQL
		return Operator{}, ErrNotFound
	}
	return scanOperator(q.QueryRowContext(ctx, `SELECT `+operatorColumns+` FROM operators WHERE email = $1`, email))
}
