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

// ruleColumns read a rule with when it last fired: the newest firing on
// the index rule_firings_rule, in the same query.
const ruleColumns = `r.id, r.name, r.enabled, r.pipeline_id, r.team_id, r.channel, r.position, r.definition,
	r.preset, r.created_at, r.updated_at, lf.fired_at FROM rules r
	LEFT JOIN rule_firings lf ON lf.id = (SELECT max(f.id) FROM rule_firings f WHERE f.rule_id = r.id) `

func scanRule(row interface{ Scan(...any) error }) (Rule, error) {
	var r Rule
	var pipeline, team sql.Null[int64]
	var channel, preset sql.Null[string]
	var def string
	var fired sql.Null[time.Time]
	err := row.Scan(&r.ID, &r.Name, &r.Enabled, &pipeline, &team, &channel, &r.Position, &def, &preset,
		&r.Created, &r.Updated, &fired)
	if err != nil {
		return r, err
	}
	if fired.Valid {
		r.LastFire = &fired.V
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

// listRules reads the rules where says, all of them, in one query.
func listRules(ctx context.Context, q db.Querier, where string, args ...any) ([]Rule, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+ruleColumns+where+` ORDER BY r.position, r.id`, args...)
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
	return out, rows.Err()
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
