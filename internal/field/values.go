package field

import (
	"context"
	"slices"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Change is one field a ticket's update changed, for its history.
type Change struct {
	Field string `json:"field"`
	Label string `json:"label"`
	From  any    `json:"from"`
	To    any    `json:"to"`
}

// Check validates values (keyed by field name; nil clears) for a ticket of
// pipelineID without writing, so a new ticket reports its fields' problems
// with the rest. Problems are keyed by field name.
func (s *Service) Check(ctx context.Context, q db.Querier, pipelineID int64, values map[string]any) error {
	_, err := s.plan(ctx, q, 0, pipelineID, values)
	return err
}

// Set writes values (PATCH semantics: a field not named keeps its value,
// nil or an empty value clears it) on ticket id of pipelineID inside tx,
// and returns what changed.
func (s *Service) Set(ctx context.Context, tx *db.Tx, ticketID, pipelineID int64, values map[string]any) ([]Change, error) {
	plan, err := s.plan(ctx, tx, ticketID, pipelineID, values)
	if err != nil {
		return nil, err
	}
	var out []Change
	for _, w := range plan {
		if err := writeRows(ctx, tx, ticketID, w.def.ID, w.rows); err != nil {
			return nil, err
		}
		out = append(out, Change{Field: w.def.Name, Label: w.def.Label, From: w.def.Typed(w.old), To: w.def.Typed(w.rows)})
	}
	return out, nil
}

type write struct {
	def       Def
	old, rows []string
}

// plan checks values and returns the writes that change something, in
// the fields' display order.
func (s *Service) plan(ctx context.Context, q db.Querier, ticketID, pipelineID int64, values map[string]any) ([]write, error) {
	if len(values) == 0 {
		return nil, nil
	}
	defs, err := list(ctx, q, "")
	if err != nil {
		return nil, err
	}
	cur, err := readRows(ctx, q, []int64{ticketID})
	if err != nil {
		return nil, err
	}
	var c domain.Check
	var out []write
	known := map[string]bool{}
	for _, d := range defs {
		v, named := values[d.Name]
		known[d.Name] = true
		if !named {
			continue
		}
		if !d.AppliesTo(pipelineID) {
			c.Add(d.Name, "does not apply to tickets of this pipeline")
			continue
		}
		rows, msg := d.Canon(v)
		if msg != "" {
			c.Add(d.Name, msg)
			continue
		}
		if old := cur[ticketID][d.ID]; !slices.Equal(old, rows) {
			out = append(out, write{def: d, old: old, rows: rows})
		}
	}
	for name := range values {
		if !known[name] {
			c.Add(name, "no such field")
		}
	}
	return out, c.Err()
}

// Values returns the typed values of tickets (ticket id -> its pipeline
// id): every field that applies to the ticket's pipeline, null when unset,
// and any other field the ticket still holds a value of.
func (s *Service) Values(ctx context.Context, q db.Querier, tickets map[int64]int64) (map[int64]map[string]any, error) {
	out := map[int64]map[string]any{}
	if len(tickets) == 0 {
		return out, nil
	}
	defs, err := list(ctx, q, "")
	if err != nil {
		return nil, err
	}
	if len(defs) == 0 { // no field, no value: spare the lists a query
		for id := range tickets {
			out[id] = map[string]any{}
		}
		return out, nil
	}
	ids := make([]int64, 0, len(tickets))
	for id := range tickets {
		ids = append(ids, id)
	}
	rows, err := readRows(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	for id, pipelineID := range tickets {
		m := map[string]any{}
		for _, d := range defs {
			if r, ok := rows[id][d.ID]; ok || d.AppliesTo(pipelineID) {
				m[d.Name] = d.Typed(r)
			}
		}
		out[id] = m
	}
	return out, nil
}

// Rows returns the canonical rows of tickets: ticket id -> field id ->
// rows, for pages that show values as text.
func (s *Service) Rows(ctx context.Context, ids []int64) (map[int64]map[int64][]string, error) {
	return readRows(ctx, s.DB.Read, ids)
}
