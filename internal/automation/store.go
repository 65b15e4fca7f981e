package automation

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// definition is what the definition column holds: the parts of a rule
// the engine reads together.
type definition struct {
	When When     `json:"when"`
	If   [][]Cond `json:"if"`
	Then []Action `json:"then"`
}

const ruleColumns = `r.id, r.name, r.enabled, r.pipeline_id, r.team_id, r.channel, r.position, r.definition,
	r.preset, r.created_at, r.updated_at FROM rules r `

func scanRule(row interface{ Scan(...any) error }) (Rule, error) {
	var r Rule
	var pipeline, team sql.Null[int64]
	var channel, preset sql.Null[string]
	var def string
	err := row.Scan(&r.ID, &r.Name, &r.Enabled, &pipeline, &team, &channel, &r.Position, &def, &preset,
		&r.Created, &r.Updated)
	if err != nil {
		return r, err
	}
	r.Scope = Scope{Pipeline: pipeline.V, Team: team.V, Channel: channel.V}
	r.Preset = preset.V
	var d definition
	if err := json.Unmarshal([]byte(def), &d); err != nil {
		return r, err
	}
	r.When, r.If, r.Then = d.When, d.If, d.Then
	if r.If == nil {
		r.If = [][]Cond{}
	}
	return r, nil
}

func listRules(ctx context.Context, q db.Querier, where string, args ...any) ([]Rule, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+ruleColumns+where+` ORDER BY r.position, r.id LIMIT 500`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Rule{}
	for rows.Next() {
		r, err := scanRule(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for i := range out {
		if out[i].LastFire, err = lastFiring(ctx, q, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// lastFiring reads when rule id last fired, on rule_firings_rule.
func lastFiring(ctx context.Context, q db.Querier, id int64) (*time.Time, error) {
	var at time.Time
	err := q.QueryRowContext(ctx, `SELECT fired_at FROM rule_firings WHERE rule_id = $1 ORDER BY id DESC LIMIT 1`, id).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &at, err
}

// List returns every rule in order.
func (s *Service) List(ctx context.Context) ([]Rule, error) {
	return listRules(ctx, s.DB.Read, ``)
}

// Get returns rule id.
func (s *Service) Get(ctx context.Context, id int64) (Rule, error) {
	r, err := scanRule(s.DB.Read.QueryRowContext(ctx, `SELECT `+ruleColumns+`WHERE r.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, err
	}
	r.LastFire, err = lastFiring(ctx, s.DB.Read, id)
	return r, err
}

func nullInt(v int64) *int64 {
	if v == 0 {
		return nil
	}
	return &v
}

func nullText(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}

func insertRule(ctx context.Context, q db.Querier, r *Rule) error {
	def, err := json.Marshal(definition{When: r.When, If: r.If, Then: r.Then})
	if err != nil {
		return err
	}
	now := db.Now()
	return q.QueryRowContext(ctx, `INSERT INTO rules (name, enabled, pipeline_id, team_id, channel, position, event,
		definition, preset, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
		r.Name, r.Enabled, nullInt(r.Scope.Pipeline), nullInt(r.Scope.Team), nullText(r.Scope.Channel), r.Position,
		r.When.Event, string(def), nullText(r.Preset), now).Scan(&r.ID)
}

func updateRule(ctx context.Context, q db.Querier, r Rule) error {
	def, err := json.Marshal(definition{When: r.When, If: r.If, Then: r.Then})
	if err != nil {
		return err
	}
	res, err := q.ExecContext(ctx, `UPDATE rules SET name = $2, enabled = $3, pipeline_id = $4, team_id = $5,
		channel = $6, position = $7, event = $8, definition = $9, updated_at = $10 WHERE id = $1`,
		r.ID, r.Name, r.Enabled, nullInt(r.Scope.Pipeline), nullInt(r.Scope.Team), nullText(r.Scope.Channel),
		r.Position, r.When.Event, string(def), db.Now())
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
