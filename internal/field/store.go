package field

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

const columns = `id, name, label, help, type, options, on_card, position, created_at, updated_at`

func scan(row interface{ Scan(...any) error }) (Def, error) {
	var d Def
	var options string
	err := row.Scan(&d.ID, &d.Name, &d.Label, &d.Help, &d.Type, &options, &d.OnCard, &d.Position,
		&d.CreatedAt, &d.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return d, ErrNotFound
	}
	if err != nil {
		return d, err
	}
	d.Pipelines = []int64{}
	if err := json.Unmarshal([]byte(options), &d.Options); err != nil {
		return d, fmt.Errorf("field %d: options: %w", d.ID, err)
	}
	return d, nil
}

// list returns the fields matching where, in their display order, each
// with its pipelines.
func list(ctx context.Context, q db.Querier, where string, args ...any) ([]Def, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+columns+` FROM custom_fields `+where+
		` ORDER BY position, lower(label), id`, args...)
	if err != nil {
		return nil, err
	}
	out := []Def{}
	for rows.Next() {
		d, err := scan(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, addPipelines(ctx, q, out)
}

func addPipelines(ctx context.Context, q db.Querier, defs []Def) error {
	rows, err := q.QueryContext(ctx, `SELECT field_id, pipeline_id FROM custom_field_pipelines ORDER BY pipeline_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := map[int64]*Def{}
	for i := range defs {
		byID[defs[i].ID] = &defs[i]
	}
	for rows.Next() {
		var f, p int64
		if err := rows.Scan(&f, &p); err != nil {
			return err
		}
		if d := byID[f]; d != nil {
			d.Pipelines = append(d.Pipelines, p)
		}
	}
	return rows.Err()
}

func get(ctx context.Context, q db.Querier, id int64) (Def, error) {
	defs, err := list(ctx, q, `WHERE id = $1`, id)
	if err == nil && len(defs) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return Def{}, err
	}
	return defs[0], nil
}

func insert(ctx context.Context, tx *db.Tx, in Input) (int64, error) {
	options, _ := json.Marshal(in.Options)
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO custom_fields (name, label, help, type, options, on_card, position,
		created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
		in.Name, in.Label, in.Help, in.Type, string(options), in.OnCard, in.Position, db.Now()).Scan(&id)
	if db.IsUniqueViolation(err, "name") {
		return 0, domain.Invalid("name", "another field already has this name")
	}
	if err != nil {
		return 0, err
	}
	return id, setPipelines(ctx, tx, id, in.Pipelines)
}

func update(ctx context.Context, tx *db.Tx, id int64, in Input) error {
	options, _ := json.Marshal(in.Options)
	_, err := tx.ExecContext(ctx, `UPDATE custom_fields SET label = $2, help = $3, type = $4, options = $5,
		on_card = $6, position = $7, updated_at = $8 WHERE id = $1`,
		id, in.Label, in.Help, in.Type, string(options), in.OnCard, in.Position, db.Now())
	if err != nil {
		return err
	}
	return setPipelines(ctx, tx, id, in.Pipelines)
}

func setPipelines(ctx context.Context, tx *db.Tx, id int64, pipelines []int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM custom_field_pipelines WHERE field_id = $1`, id); err != nil {
		return err
	}
	for _, p := range pipelines {
		if _, err := tx.ExecContext(ctx, `INSERT INTO custom_field_pipelines (field_id, pipeline_id)
			VALUES ($1, $2)`, id, p); err != nil {
			return err
		}
	}
	return nil
}

// missingPipelines returns the ids among ids that name no pipeline.
func missingPipelines(ctx context.Context, q db.Querier, ids []int64) ([]string, error) {
	var missing []string
	for _, id := range ids {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM pipelines WHERE id = $1`, id).Scan(&n); err != nil {
			return nil, err
		}
		if n == 0 {
			missing = append(missing, strconv.FormatInt(id, 10))
		}
	}
	return missing, nil
}

// countValues counts the tickets holding field id, or holding option
// value of it when value is not empty.
func countValues(ctx context.Context, q db.Querier, id int64, value string) (int, error) {
	query, args := `SELECT count(DISTINCT ticket_id) FROM ticket_values WHERE field_id = $1`, []any{id}
	if value != "" {
		query, args = query+` AND value = $2`, append(args, value)
	}
	var n int
	err := q.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, err
}

// requiredBy names the statuses that require property name, as
// "Closed (Support)".
func requiredBy(ctx context.Context, q db.Querier, name string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT s.name, p.name FROM status_required r
		JOIN statuses s ON s.id = r.status_id JOIN pipelines p ON p.id = s.pipeline_id
		WHERE r.property = $1 ORDER BY lower(p.name), s.position`, name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var status, pipeline string
		if err := rows.Scan(&status, &pipeline); err != nil {
			return nil, err
		}
		out = append(out, fmt.Sprintf("%s (%s)", status, pipeline))
	}
	return out, rows.Err()
}

// rows reads the values of tickets ids: ticket id -> field id -> rows.
func readRows(ctx context.Context, q db.Querier, ids []int64) (map[int64]map[int64][]string, error) {
	out := map[int64]map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	marks, args := make([]string, len(ids)), make([]any, len(ids))
	for i, id := range ids {
		marks[i], args[i] = "$"+strconv.Itoa(i+1), id
	}
	rows, err := q.QueryContext(ctx, `SELECT ticket_id, field_id, value FROM ticket_values
		WHERE ticket_id IN (`+strings.Join(marks, ", ")+`) ORDER BY ticket_id, field_id, value`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t, f int64
		var v string
		if err := rows.Scan(&t, &f, &v); err != nil {
			return nil, err
		}
		if out[t] == nil {
			out[t] = map[int64][]string{}
		}
		out[t][f] = append(out[t][f], v)
	}
	return out, rows.Err()
}

func writeRows(ctx context.Context, tx *db.Tx, ticketID, fieldID int64, values []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM ticket_values WHERE ticket_id = $1 AND field_id = $2`,
		ticketID, fieldID); err != nil {
		return err
	}
	for _, v := range values {
		if _, err := tx.ExecContext(ctx, `INSERT INTO ticket_values (ticket_id, field_id, value) VALUES ($1, $2, $3)`,
			ticketID, fieldID, v); err != nil {
			return err
		}
	}
	return nil
}
