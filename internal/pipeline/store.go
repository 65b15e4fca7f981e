package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Service manages pipelines and their statuses.
type Service struct {
	DB      *db.DB
	Tickets TicketMover
	// firstOpen remembers each pipeline's first open status: every new
	// ticket needs it.
	firstOpen db.Memo[int64, Status]
}

// Create adds a pipeline with its statuses in the given order, last in
// the list of pipelines and open to every team.
func (s *Service) Create(ctx context.Context, name string, statuses []StatusInput) (Pipeline, error) {
	return s.CreateWith(ctx, New{Name: name, Statuses: statuses})
}

// New is what CreateWith needs; Teams empty opens the pipeline to every team.
type New struct {
	Name     string
	Statuses []StatusInput
	Teams    []int64
	Position *int // nil: last
}

// CreateWith adds pipeline n, last in the list, in one transaction.
func (s *Service) CreateWith(ctx context.Context, n New) (Pipeline, error) {
	if err := validate(n.Name, n.Statuses); err != nil {
		return Pipeline{}, err
	}
	var id int64
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Now()
		err := tx.QueryRowContext(ctx, `INSERT INTO pipelines (name, position, created_at, updated_at)
			VALUES ($1, (SELECT COALESCE(max(position) + 1, 0) FROM pipelines), $2, $2) RETURNING id`,
			strings.TrimSpace(n.Name), now).Scan(&id)
		if db.IsUniqueViolation(err, "name") {
			return domain.Invalid("name", "a pipeline with this name already exists")
		}
		if err != nil {
			return err
		}
		if err := checkRequired(ctx, tx, id, n.Statuses); err != nil {
			return err
		}
		for i, st := range n.Statuses {
			if err := insertStatus(ctx, tx, id, i, st); err != nil {
				return err
			}
		}
		return placeAndLimit(ctx, tx, id, Update{Position: n.Position, Teams: &n.Teams})
	})
	if err != nil {
		return Pipeline{}, err
	}
	return s.Get(ctx, id)
}

func insertStatus(ctx context.Context, q db.Querier, pipelineID int64, pos int, st StatusInput) error {
	var id int64
	err := q.QueryRowContext(ctx, `INSERT INTO statuses (pipeline_id, name, kind, position, customer_name) VALUES ($1, $2, $3, $4, $5)
		RETURNING id`, pipelineID, strings.TrimSpace(st.Name), st.Kind, pos, customerName(st)).Scan(&id)
	if err != nil {
		return err
	}
	return setRequired(ctx, q, id, st.Required)
}

// Get returns pipeline id with its statuses in order.
func (s *Service) Get(ctx context.Context, id int64) (Pipeline, error) {
	return get(ctx, s.DB.Read, id)
}

// GetTx reads pipeline id inside a transaction.
func (s *Service) GetTx(ctx context.Context, q db.Querier, id int64) (Pipeline, error) {
	return get(ctx, q, id)
}

func get(ctx context.Context, q db.Querier, id int64) (Pipeline, error) {
	var p Pipeline
	err := q.QueryRowContext(ctx, `SELECT id, name, position, created_at, updated_at FROM pipelines WHERE id = $1`, id).
		Scan(&p.ID, &p.Name, &p.Position, &p.CreatedAt, &p.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	if err != nil {
		return p, err
	}
	if p.Statuses, err = statuses(ctx, q, `WHERE pipeline_id = $1`, id); err != nil {
		return p, err
	}
	teams, err := teamsOf(ctx, q, `WHERE pipeline_id = $1`, id)
	p.Teams = append([]int64{}, teams[id]...)
	return p, err
}

func statuses(ctx context.Context, q db.Querier, where string, args ...any) ([]Status, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, pipeline_id, name, kind, position, customer_name FROM statuses `+where+
		` ORDER BY pipeline_id, position, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Status
	for rows.Next() {
		st := Status{Required: []string{}}
		if err := rows.Scan(&st.ID, &st.PipelineID, &st.Name, &st.Kind, &st.Position, &st.CustomerName); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	return out, loadRequired(ctx, q, out, where, args...)
}

// List returns every pipeline with its statuses, in the admins' order.
func (s *Service) List(ctx context.Context) ([]Pipeline, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT id, name, position, created_at, updated_at FROM pipelines
		ORDER BY position, lower(name), id`)
	if err != nil {
		return nil, err
	}
	var out []Pipeline
	index := map[int64]int{}
	for rows.Next() {
		p := Pipeline{Teams: []int64{}}
		if err := rows.Scan(&p.ID, &p.Name, &p.Position, &p.CreatedAt, &p.UpdatedAt); err != nil {
			rows.Close()
			return nil, err
		}
		index[p.ID] = len(out)
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	all, err := statuses(ctx, s.DB.Read, "")
	for _, st := range all {
		p := &out[index[st.PipelineID]]
		p.Statuses = append(p.Statuses, st)
	}
	if err != nil {
		return nil, err
	}
	teams, err := teamsOf(ctx, s.DB.Read, "")
	for id, ts := range teams {
		out[index[id]].Teams = ts
	}
	return out, err
}

// Delete removes a pipeline that holds no tickets and no team uses.
func (s *Service) Delete(ctx context.Context, id int64) error {
	defer s.firstOpen.Forget()
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := get(ctx, tx, id); err != nil {
			return err
		}
		var tickets, teams int
		err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM tickets WHERE pipeline_id = $1),
			(SELECT count(*) FROM teams WHERE pipeline_id = $1)`, id).Scan(&tickets, &teams)
		if err != nil {
			return err
		}
		if tickets > 0 {
			return domain.Conflict("this pipeline holds %d tickets; move them to another pipeline first", tickets)
		}
		if teams > 0 {
			return domain.Conflict("%d teams use this pipeline; give them another pipeline first", teams)
		}
		if err := fieldsOnlyHere(ctx, tx, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM pipelines WHERE id = $1`, id)
		return err
	})
}

// fieldsOnlyHere refuses to delete the one pipeline a custom field is
// limited to: the field would lose its last pipeline row, and no row means
// every pipeline.
func fieldsOnlyHere(ctx context.Context, q db.Querier, id int64) error {
	var label string
	err := q.QueryRowContext(ctx, `SELECT f.label FROM custom_fields f
		JOIN custom_field_pipelines p ON p.field_id = f.id AND p.pipeline_id = $1
		WHERE NOT EXISTS (SELECT 1 FROM custom_field_pipelines o WHERE o.field_id = f.id AND o.pipeline_id <> $1)
		ORDER BY f.position, lower(f.label) LIMIT 1`, id).Scan(&label)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return domain.Conflict("the ticket field %s applies only to this pipeline; give it other pipelines or delete it first", label)
}

// EnsureDefault creates the "Support" pipeline when there is no pipeline
// at all, and returns the first pipeline.
func (s *Service) EnsureDefault(ctx context.Context) (Pipeline, error) {
	var id int64
	err := s.DB.Read.QueryRowContext(ctx, `SELECT id FROM pipelines ORDER BY id LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return s.Create(ctx, "Support", DefaultStatuses)
	}
	if err != nil {
		return Pipeline{}, fmt.Errorf("find default pipeline: %w", err)
	}
	return s.Get(ctx, id)
}

// Exists reports whether pipeline id exists.
func (s *Service) Exists(ctx context.Context, q db.Querier, id int64) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM pipelines WHERE id = $1`, id).Scan(&n)
	return n > 0, err
}

// FirstOpen returns the status new tickets of pipeline id start in.
func (s *Service) FirstOpen(ctx context.Context, q db.Querier, id int64) (Status, error) {
	return s.firstOpen.Get(id, func() (Status, error) { return firstOpen(ctx, q, id) })
}

func firstOpen(ctx context.Context, q db.Querier, id int64) (Status, error) {
	var st Status
	err := q.QueryRowContext(ctx, `SELECT id, pipeline_id, name, kind, position FROM statuses
		WHERE pipeline_id = $1 AND kind = 'open' ORDER BY position, id LIMIT 1`, id).
		Scan(&st.ID, &st.PipelineID, &st.Name, &st.Kind, &st.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return st, ErrNotFound
	}
	return st, err
}

// customerName is what to store for st's customer-facing name.
func customerName(st StatusInput) string {
	if st.CustomerName == nil {
		return ""
	}
	return strings.TrimSpace(*st.CustomerName)
}
