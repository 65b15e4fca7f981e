package calendar

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Record is a calendar kept in the database: its Spec under a name, and
// the teams whose tickets it times.
type Record struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Spec
	Teams     []TeamRef `json:"teams"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// TeamRef names a team that uses a calendar.
type TeamRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// ErrNotFound is returned when no calendar matches.
var ErrNotFound = domain.NotFound("calendar")

const columns = `id, name, time_zone, hours, exceptions, created_at, updated_at`

func scan(row interface{ Scan(...any) error }) (Record, error) {
	var r Record
	var hours, exceptions string
	err := row.Scan(&r.ID, &r.Name, &r.TimeZone, &hours, &exceptions, &r.CreatedAt, &r.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(hours), &r.Hours); err != nil {
		return r, fmt.Errorf("calendar %d: hours: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(exceptions), &r.Exceptions); err != nil {
		return r, fmt.Errorf("calendar %d: exceptions: %w", r.ID, err)
	}
	r.Teams = []TeamRef{}
	return r, nil
}

func get(ctx context.Context, q db.Querier, id int64) (Record, error) {
	r, err := scan(q.QueryRowContext(ctx, `SELECT `+columns+` FROM calendars WHERE id = $1`, id))
	if err != nil {
		return r, err
	}
	uses, err := teamsUsing(ctx, q, `WHERE calendar_id = $1`, id)
	r.Teams = append(r.Teams, uses[id]...)
	return r, err
}

func list(ctx context.Context, q db.Querier) ([]Record, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+columns+` FROM calendars ORDER BY lower(name), id`)
	if err != nil {
		return nil, err
	}
	out := []Record{}
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	uses, err := teamsUsing(ctx, q, `WHERE calendar_id IS NOT NULL`)
	for i := range out {
		out[i].Teams = append(out[i].Teams, uses[out[i].ID]...)
	}
	return out, err
}

// teamsUsing maps calendar ids to the teams that use them, by team name.
func teamsUsing(ctx context.Context, q db.Querier, where string, args ...any) (map[int64][]TeamRef, error) {
	rows, err := q.QueryContext(ctx, `SELECT calendar_id, id, name FROM teams `+where+` ORDER BY lower(name), id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]TeamRef{}
	for rows.Next() {
		var cal int64
		var t TeamRef
		if err := rows.Scan(&cal, &t.ID, &t.Name); err != nil {
			return nil, err
		}
		out[cal] = append(out[cal], t)
	}
	return out, rows.Err()
}

// encode is the JSON text of spec's hours and exceptions.
func encode(spec Spec) (hours, exceptions string, err error) {
	h, err := json.Marshal(spec.Hours)
	if err != nil {
		return "", "", err
	}
	e, err := json.Marshal(spec.Exceptions)
	return string(h), string(e), err
}

func insert(ctx context.Context, tx *db.Tx, name string, spec Spec) (int64, error) {
	hours, exceptions, err := encode(spec)
	if err != nil {
		return 0, err
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO calendars (name, time_zone, hours, exceptions, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`, name, spec.TimeZone, hours, exceptions, db.Now()).Scan(&id)
	return id, nameTaken(err)
}

func update(ctx context.Context, tx *db.Tx, id int64, name string, spec Spec) error {
	hours, exceptions, err := encode(spec)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE calendars SET name = $2, time_zone = $3, hours = $4, exceptions = $5,
		updated_at = $6 WHERE id = $1`, id, name, spec.TimeZone, hours, exceptions, db.Now())
	return nameTaken(err)
}

// lock takes calendar id's row for the transaction, so two imports at
// once each add to what the other wrote (PostgreSQL reads committed rows;
// SQLite has one writer anyway).
func lock(ctx context.Context, tx *db.Tx, id int64) error {
	res, err := tx.ExecContext(ctx, `UPDATE calendars SET updated_at = updated_at WHERE id = $1`, id)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err == nil && n == 0 {
		err = ErrNotFound
	}
	return err
}

func nameTaken(err error) error {
	if db.IsUniqueViolation(err, "name") {
		return domain.Invalid("name", "another calendar already has this name")
	}
	return err
}
