package sla

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// ErrNotFound is returned when no policy matches.
var ErrNotFound = domain.NotFound("SLA policy")

const columns = `id, name, position, match, calendar_id, first_response, next_response, resolution,
	pause_statuses, warn_minutes, created_at, updated_at`

func scan(row interface{ Scan(...any) error }) (Record, error) {
	var r Record
	var match, pause string
	err := row.Scan(&r.ID, &r.Name, &r.Position, &match, &r.CalendarID, &r.Targets.FirstResponse,
		&r.Targets.NextResponse, &r.Targets.Resolution, &pause, &r.WarnMinutes, &r.CreatedAt, &r.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(match), &r.Match); err != nil {
		return r, fmt.Errorf("SLA policy %d: match: %w", r.ID, err)
	}
	r.Match = cleanMatch(r.Match, &domain.Check{})
	if err := json.Unmarshal([]byte(pause), &r.PauseStatuses); err != nil {
		return r, fmt.Errorf("SLA policy %d: pause statuses: %w", r.ID, err)
	}
	return r, nil
}

func get(ctx context.Context, q db.Querier, id int64) (Record, error) {
	return scan(q.QueryRowContext(ctx, `SELECT `+columns+` FROM sla_policies WHERE id = $1`, id))
}

func list(ctx context.Context, q db.Querier) ([]Record, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+columns+` FROM sla_policies ORDER BY position, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Record{}
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func encode(in Input) (match, pause string, err error) {
	m, err := json.Marshal(in.Match)
	if err != nil {
		return "", "", err
	}
	p, err := json.Marshal(in.PauseStatuses)
	return string(m), string(p), err
}

func insert(ctx context.Context, tx *db.Tx, in Input) (int64, error) {
	match, pause, err := encode(in)
	if err != nil {
		return 0, err
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO sla_policies (name, position, match, calendar_id, first_response,
		next_response, resolution, pause_statuses, warn_minutes, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`, in.Name, in.Position, match, in.CalendarID,
		in.Targets.FirstResponse, in.Targets.NextResponse, in.Targets.Resolution, pause, in.WarnMinutes, db.Now()).Scan(&id)
	return id, nameTaken(err)
}

func update(ctx context.Context, tx *db.Tx, id int64, in Input) error {
	match, pause, err := encode(in)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE sla_policies SET name = $2, position = $3, match = $4, calendar_id = $5,
		first_response = $6, next_response = $7, resolution = $8, pause_statuses = $9, warn_minutes = $10,
		updated_at = $11 WHERE id = $1`, id, in.Name, in.Position, match, in.CalendarID, in.Targets.FirstResponse,
		in.Targets.NextResponse, in.Targets.Resolution, pause, in.WarnMinutes, db.Now())
	return nameTaken(err)
}

// place puts policy id at position pos (1-based; 0 or past the end: last)
// and numbers every policy 1, 2, 3 … in order, so positions stay dense.
func place(ctx context.Context, tx *db.Tx, id int64, pos int) error {
	all, err := list(ctx, tx)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(all))
	for _, r := range all {
		if r.ID != id {
			ids = append(ids, r.ID)
		}
	}
	if pos <= 0 || pos > len(ids) {
		pos = len(ids) + 1
	}
	ids = append(ids[:pos-1], append([]int64{id}, ids[pos-1:]...)...)
	for i, pid := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE sla_policies SET position = $2, updated_at = $3 WHERE id = $1 AND position <> $2`, pid, i+1, db.Now()); err != nil {
			return err
		}
	}
	return nil
}

func nameTaken(err error) error {
	if db.IsUniqueViolation(err, "name") {
		return domain.Invalid("name", "another SLA policy already has this name")
	}
	return err
}
