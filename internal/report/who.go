package report

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// checkWho resolves the team and operator filters and the teams the asker
// may see: an admin all, an agent the teams they belong to.
func (s *Service) checkWho(ctx context.Context, c *domain.Check, asker Asker, q Query, f *Filter) error {
	q.Team, q.Operator = strings.TrimSpace(q.Team), strings.TrimSpace(q.Operator)
	if !asker.Admin {
		teams, err := db.Int64s(ctx, s.DB.Read, `SELECT team_id FROM team_members WHERE operator_id = $1
			ORDER BY team_id`, asker.ID)
		if err != nil {
			return err
		}
		f.Teams = append([]int64{}, teams...) // never nil: an agent in no team sees none
		f.member = asker.ID
	}
	if q.Team != "" {
		id, slug, err := s.findTeam(ctx, q.Team)
		if err != nil {
			return err
		}
		msg := "no such team among yours"
		if asker.Admin {
			msg = "no such team"
		}
		c.Require(id != 0 && f.sees(id), "team", msg)
		f.Team, f.TeamSlug = id, slug
	}
	if q.Operator != "" {
		id, err := s.findOperator(ctx, q.Operator)
		if err != nil {
			return err
		}
		c.Require(id != 0, "operator", "no such operator")
		f.Operator = id
	}
	return nil
}

// sees reports whether the filter's asker may see team id.
func (f Filter) sees(id int64) bool {
	if f.Teams == nil {
		return true
	}
	for _, t := range f.Teams {
		if t == id {
			return true
		}
	}
	return false
}

// teamsAsked are the teams a report sums: the one asked for, else every
// team the asker sees (nil: all).
func (f Filter) teamsAsked() []int64 {
	if f.Team != 0 {
		return []int64{f.Team}
	}
	if f.Teams == nil {
		return nil
	}
	return f.Teams
}

func (s *Service) findTeam(ctx context.Context, ref string) (int64, string, error) {
	var id int64
	var slug string
	n, _ := strconv.ParseInt(ref, 10, 64)
	err := s.DB.Read.QueryRowContext(ctx, `SELECT id, slug FROM teams WHERE id = $1 OR slug = $2`, n, ref).
		Scan(&id, &slug)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	return id, slug, err
}

func (s *Service) findOperator(ctx context.Context, ref string) (int64, error) {
	var id int64
	n, _ := strconv.ParseInt(ref, 10, 64)
	err := s.DB.Read.QueryRowContext(ctx, `SELECT id FROM operators WHERE id = $1 OR lower(email) = lower($2)`,
		n, ref).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
