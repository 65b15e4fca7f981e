package pipeline

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// The built-in properties a status may require; any other required name is
// a custom field's name.
const (
	Assignee = "assignee"
	Priority = "priority"
	Tags     = "tags"
	Team     = "team"
)

// BuiltIn lists the built-in properties in the order forms show them.
var BuiltIn = []string{Assignee, Priority, Tags, Team}

// IsBuiltIn reports whether name is a built-in property, not a custom field.
func IsBuiltIn(name string) bool { return slices.Contains(BuiltIn, name) }

// normRequired trims the names, lowercases the built-in ones, drops blanks
// and repeats, and sorts them, so a stored list compares equal to its input.
func normRequired(in []string) []string {
	out := []string{}
	for _, name := range in {
		name = strings.TrimSpace(name)
		if IsBuiltIn(strings.ToLower(name)) {
			name = strings.ToLower(name)
		}
		if name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// fieldApplies: the custom field exists and applies to the pipeline (it is
// for every pipeline, or this one is among its pipelines).
const fieldApplies = `SELECT count(*) FROM custom_fields f WHERE f.name = $1 AND (
	NOT EXISTS (SELECT 1 FROM custom_field_pipelines fp WHERE fp.field_id = f.id)
	OR EXISTS (SELECT 1 FROM custom_field_pipelines fp WHERE fp.field_id = f.id AND fp.pipeline_id = $2))`

// checkRequired refuses a required property that is neither built in nor
// a custom field of pipeline pipelineID, on statuses[i].required.
func checkRequired(ctx context.Context, q db.Querier, pipelineID int64, in []StatusInput) error {
	var c domain.Check
	for i, st := range in {
		for _, name := range normRequired(st.Required) {
			if IsBuiltIn(name) {
				continue
			}
			var n int
			if err := q.QueryRowContext(ctx, fieldApplies, name, pipelineID).Scan(&n); err != nil {
				return err
			}
			c.Require(n > 0, fmt.Sprintf("statuses[%d].required", i), fmt.Sprintf(
				"%q is not a property: use assignee, priority, tags, team or the name of a custom field of this pipeline", name))
		}
	}
	return c.Err()
}

func setRequired(ctx context.Context, q db.Querier, statusID int64, names []string) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM status_required WHERE status_id = $1`, statusID); err != nil {
		return err
	}
	for _, name := range normRequired(names) {
		if _, err := q.ExecContext(ctx, `INSERT INTO status_required (status_id, property) VALUES ($1, $2)`,
			statusID, name); err != nil {
			return err
		}
	}
	return nil
}

// loadRequired fills in the required properties of sts, which were read
// with the same where clause on statuses.
func loadRequired(ctx context.Context, q db.Querier, sts []Status, where string, args ...any) error {
	if len(sts) == 0 {
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT r.status_id, r.property FROM status_required r
		WHERE r.status_id IN (SELECT id FROM statuses `+where+`) ORDER BY r.status_id, r.property`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	index := make(map[int64]int, len(sts))
	for i, st := range sts {
		index[st.ID] = i
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			sts[i].Required = append(sts[i].Required, name)
		}
	}
	return rows.Err()
}

// Property is one property a status of a pipeline may require.
type Property struct {
	Name  string
	Label string
}

// Properties lists what statuses of pipeline id may require: the built-in
// properties, then the custom fields that apply to it (id 0, a pipeline
// not created yet: those for every pipeline), by position.
func (s *Service) Properties(ctx context.Context, id int64) ([]Property, error) {
	out := []Property{{Assignee, "Assignee"}, {Priority, "Priority"}, {Tags, "Tags"}, {Team, "Team"}}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT f.name, f.label FROM custom_fields f
		WHERE NOT EXISTS (SELECT 1 FROM custom_field_pipelines fp WHERE fp.field_id = f.id)
		OR EXISTS (SELECT 1 FROM custom_field_pipelines fp WHERE fp.field_id = f.id AND fp.pipeline_id = $1)
		ORDER BY f.position, f.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p Property
		if err := rows.Scan(&p.Name, &p.Label); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
