package automation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Limits on what one rule holds.
const (
	MaxName    = 120
	MaxGroups  = 20
	MaxConds   = 20
	MaxActions = 20
)

// checker validates one rule against the database, collecting a message
// per bad field ("if[0][1].value", "then[2].status").
type checker struct {
	ctx      context.Context
	q        db.Querier
	c        domain.Check
	pipeline int64 // the scope's pipeline (a team scope names its team's), 0 for all
	team     int64
	fields   map[string]string // custom field name -> type
	mail     TemplateChecker
}

// TemplateChecker reports why a mail template would not render.
type TemplateChecker interface {
	CheckTemplate(subject, body string) map[string]string
}

func (s *Service) check(ctx context.Context, q db.Querier, r *Rule) error {
	k := &checker{ctx: ctx, q: q, mail: s.Mail}
	r.Name = strings.TrimSpace(r.Name)
	k.c.Line("name", r.Name)
	k.c.Require(r.Name != "", "name", "is required")
	k.c.Require(!domain.TooLong(r.Name, MaxName), "name", fmt.Sprintf("must be at most %d characters", MaxName))
	steps := []func(*Rule) error{k.scope, k.when, k.conds, k.actions}
	for _, step := range steps {
		if err := step(r); err != nil {
			return err
		}
	}
	k.selfLoop(r) // reported with the other problems: all are shown at once
	return k.c.Err()
}

func (k *checker) scope(r *Rule) error {
	sc := r.Scope
	if sc.Channel != "" && !slices.Contains(channels, sc.Channel) {
		k.c.Add("scope.channel", "must be one of "+strings.Join(channels, ", "))
	}
	if sc.Team != 0 {
		err := k.q.QueryRowContext(k.ctx, `SELECT pipeline_id FROM teams WHERE id = $1`, sc.Team).Scan(&k.pipeline)
		if errors.Is(err, sql.ErrNoRows) {
			k.c.Add("scope.team", fmt.Sprintf("no team with id %d", sc.Team))
		} else if err != nil {
			return err
		}
		k.team = sc.Team
		if sc.Pipeline != 0 && sc.Pipeline != k.pipeline && err == nil {
			k.c.Add("scope.pipeline", "is not the team's pipeline")
		}
	}
	if sc.Pipeline != 0 && sc.Team == 0 {
		n, err := k.count(`SELECT count(*) FROM pipelines WHERE id = $1`, sc.Pipeline)
		if err != nil {
			return err
		}
		k.c.Require(n == 1, "scope.pipeline", fmt.Sprintf("no pipeline with id %d", sc.Pipeline))
		k.pipeline = sc.Pipeline
	}
	return k.loadFields()
}

var channels = []string{"email", "web_form", "widget", "chat", "manual", "api"}

func (k *checker) count(query string, args ...any) (int, error) {
	var n int
	err := k.q.QueryRowContext(k.ctx, query, args...).Scan(&n)
	return n, err
}

// loadFields reads the custom fields the scope's tickets can have.
func (k *checker) loadFields() error {
	rows, err := k.q.QueryContext(k.ctx, `SELECT f.name, f.type FROM custom_fields f WHERE $1 = 0
		OR NOT EXISTS (SELECT 1 FROM custom_field_pipelines p WHERE p.field_id = f.id)
		OR EXISTS (SELECT 1 FROM custom_field_pipelines p WHERE p.field_id = f.id AND p.pipeline_id = $1)`, k.pipeline)
	if err != nil {
		return err
	}
	defer rows.Close()
	k.fields = map[string]string{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return err
		}
		k.fields[name] = typ
	}
	return rows.Err()
}

func (k *checker) when(r *Rule) error {
	w := &r.When
	if !slices.Contains(Events, w.Event) {
		k.c.Add("when.event", "must be one of "+strings.Join(Events, ", "))
		return nil
	}
	for i, ch := range w.Channels {
		k.c.Require(slices.Contains(channels, ch), fmt.Sprintf("when.channels[%d]", i), "must be one of "+strings.Join(channels, ", "))
	}
	for i, f := range w.Fields {
		k.c.Require(k.known(f), fmt.Sprintf("when.fields[%d]", i), fmt.Sprintf("no field %q", f))
	}
	k.c.Require(!w.Closing || w.Event == "status_entered", "when.closing", "only narrows status_entered")
	if w.Status != "" {
		if _, err := k.status("when.status", w.Status); err != nil {
			return err
		}
	}
	if w.Event != TimeAfter {
		k.c.Require(w.Anchor == "" && w.After == "", "when.anchor", "only a time_after rule has an anchor")
		return nil
	}
	field, isField := strings.CutPrefix(w.Anchor, "fields.")
	k.c.Require(slices.Contains(Anchors, w.Anchor) || isField && k.fields[field] == "date", "when.anchor",
		"must be one of "+strings.Join(Anchors, ", ")+", or fields.<a date field>")
	d, err := ParseDuration(w.After)
	switch {
	case isField:
		k.c.Require(err == nil && d != 0, "when.after", "must be a duration such as 3d after the date, or -3d before it")
	default:
		k.c.Require(err == nil && d > 0, "when.after", "must be a duration such as 30m, 4h or 7d")
	}
	return nil
}

// ParseDuration reads 30m, 4h, 7d (days are 24 hours).
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if n, ok := strings.CutSuffix(s, "d"); ok {
		var days int
		if _, err := fmt.Sscanf(n, "%d", &days); err != nil || fmt.Sprint(days) != n {
			return 0, fmt.Errorf("bad duration %q", s)
		}
		return time.Duration(days) * 24 * time.Hour, nil
	}
	return time.ParseDuration(s)
}

// status resolves a status name or id in the scope's pipeline.
func (k *checker) status(field, ref string) (int64, error) {
	if k.pipeline == 0 {
		k.c.Add(field, "statuses belong to a pipeline: scope the rule to a pipeline or a team")
		return 0, nil
	}
	var id int64
	err := k.q.QueryRowContext(k.ctx, `SELECT id FROM statuses WHERE pipeline_id = $1
		AND (lower(name) = lower($2) OR CAST(id AS TEXT) = $2)`, k.pipeline, strings.TrimSpace(ref)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		k.c.Add(field, fmt.Sprintf("no status %q in the rule's pipeline", ref))
		return 0, nil
	}
	return id, err
}

// known reports whether name is a ticket field rules can read.
func (k *checker) known(name string) bool {
	if f, ok := strings.CutPrefix(name, "fields."); ok {
		_, has := k.fields[f]
		return has
	}
	_, ok := condFields[name]
	return ok
}
