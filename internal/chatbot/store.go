package chatbot

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
)

// ErrNotFound: no such script.
var ErrNotFound = domain.NotFound("chatbot")

// Service keeps the scripts.
type Service struct {
	DB *db.DB
	// Fields lists the custom ticket fields a step may store its answer
	// in (*field.Service); nil: a step naming a field is refused.
	Fields interface {
		List(ctx context.Context) ([]field.Def, error)
	}
}

// check validates a script, reading the ticket fields only when a step
// names one.
func (s *Service) check(ctx context.Context, in *Input) error {
	var defs []field.Def
	if s.Fields != nil && slices.ContainsFunc(in.Steps, func(st Step) bool { return strings.TrimSpace(st.Field) != "" }) {
		var err error
		if defs, err = s.Fields.List(ctx); err != nil {
			return err
		}
	}
	return in.validate(defs)
}

const columns = `id, name, steps, created_at, updated_at`

func scan(row interface{ Scan(...any) error }) (Script, error) {
	var s Script
	var steps string
	if err := row.Scan(&s.ID, &s.Name, &steps, &s.CreatedAt, &s.UpdatedAt); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return s, ErrNotFound
		}
		return s, err
	}
	return s, json.Unmarshal([]byte(steps), &s.Steps)
}

// List returns every script by name.
func (s *Service) List(ctx context.Context) ([]Script, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+columns+` FROM chatbots ORDER BY lower(name), id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Script{}
	for rows.Next() {
		sc, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, rows.Err()
}

// Get reads one script.
func (s *Service) Get(ctx context.Context, id int64) (Script, error) {
	return scan(s.DB.Read.QueryRowContext(ctx, `SELECT `+columns+` FROM chatbots WHERE id = $1`, id))
}

// Create stores a new script.
func (s *Service) Create(ctx context.Context, in Input) (Script, error) {
	if err := s.check(ctx, &in); err != nil {
		return Script{}, err
	}
	steps, err := json.Marshal(in.Steps)
	if err != nil {
		return Script{}, err
	}
	var id int64
	now := db.Now()
	err = s.DB.Write.QueryRowContext(ctx, `INSERT INTO chatbots (name, steps, created_at, updated_at)
		VALUES ($1, $2, $3, $3) RETURNING id`, in.Name, string(steps), now).Scan(&id)
	if err != nil {
		return Script{}, err
	}
	return s.Get(ctx, id)
}

// Update replaces a script's name and steps. Chats under way go on with
// the steps they started with (the run keeps its own copy).
func (s *Service) Update(ctx context.Context, id int64, in Input) (Script, error) {
	if err := s.check(ctx, &in); err != nil {
		return Script{}, err
	}
	steps, err := json.Marshal(in.Steps)
	if err != nil {
		return Script{}, err
	}
	res, err := s.DB.Write.ExecContext(ctx, `UPDATE chatbots SET name = $1, steps = $2, updated_at = $3 WHERE id = $4`,
		in.Name, string(steps), db.Now(), id)
	if err != nil {
		return Script{}, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Script{}, ErrNotFound
	}
	return s.Get(ctx, id)
}

// ErrInUse: a channel rule names the script.
var ErrInUse = domain.Conflict("a live chat rule uses this chatbot; change the rule first")

// Delete removes a script no rule uses.
func (s *Service) Delete(ctx context.Context, id int64) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM chat_rules WHERE chatbot_id = $1`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrInUse
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM chatbots WHERE id = $1`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
}
