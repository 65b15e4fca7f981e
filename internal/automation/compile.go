package automation

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// ruleSet is every enabled rule compiled, by event, in order: evaluating
// an event reads no rule from the database.
type ruleSet map[string][]*compiled

// compiled is a rule with its names resolved: the scope's pipeline and
// the statuses it names.
type compiled struct {
	Rule
	pipeline int64
	status   int64 // when.status, 0 for any
	after    time.Duration
	anchor   string // a time rule's anchor as SQL (anchorSQL)
}

func (s *Service) rules(ctx context.Context) (ruleSet, error) {
	return s.cache.Get(struct{}{}, func() (ruleSet, error) { return s.load(ctx) })
}

func (s *Service) load(ctx context.Context) (ruleSet, error) {
	all, err := listRules(ctx, s.DB.Read, `WHERE r.enabled`)
	if err != nil {
		return nil, err
	}
	set := ruleSet{}
	for _, r := range all {
		c, err := s.compile(ctx, r)
		if err != nil {
			return nil, err
		}
		set[r.When.Event] = append(set[r.When.Event], c)
	}
	return set, nil
}

func (s *Service) compile(ctx context.Context, r Rule) (*compiled, error) {
	q := s.DB.Read
	c := &compiled{Rule: r, pipeline: r.Scope.Pipeline}
	if r.Scope.Team != 0 {
		if err := q.QueryRowContext(ctx, `SELECT pipeline_id FROM teams WHERE id = $1`, r.Scope.Team).Scan(&c.pipeline); err != nil {
			return nil, err
		}
	}
	var err error
	if r.When.Status != "" {
		if c.status, err = statusID(ctx, q, c.pipeline, r.When.Status); err != nil {
			return nil, err
		}
	}
	c.after, _ = ParseDuration(r.When.After)
	if r.When.Event == TimeAfter {
		c.anchor, err = anchorSQL(ctx, q, s.DB.Dialect, r.When.Anchor)
	}
	return c, err
}

// statusID resolves a status name or id in pipeline; a status renamed
// since the rule was saved matches nothing (-1).
func statusID(ctx context.Context, q db.Querier, pipeline int64, ref string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM statuses WHERE pipeline_id = $1
		AND (lower(name) = lower($2) OR CAST(id AS TEXT) = $2)`, pipeline, strings.TrimSpace(ref)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return -1, nil
	}
	return id, err
}
