package operator

import (
	"context"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// checkPatch validates the plain fields of p, trimming and normalising
// them in place.
func checkPatch(p *Patch, c *domain.Check) {
	if p.Name != nil {
		*p.Name = strings.TrimSpace(*p.Name)
		c.Line("name", *p.Name)
		c.Require(*p.Name != "" && !domain.TooLong(*p.Name, 200), "name", "must be 1 to 200 characters")
	}
	if p.Email != nil {
		email, ok := domain.NormalizeEmail(*p.Email)
		c.Require(ok, "email", "must be a valid email address")
		*p.Email = email
	}
	if p.Role != nil {
		c.Require(*p.Role == Admin || *p.Role == Agent, "role", "must be admin or agent")
	}
}

// Teams returns the ids of the teams operator id is a member of.
func (s *Service) Teams(ctx context.Context, id int64) ([]int64, error) {
	return db.Int64s(ctx, s.DB.Read, `SELECT team_id FROM team_members WHERE operator_id = $1 ORDER BY team_id`, id)
}

// checkTeams refuses ids of teams that do not exist.
func checkTeams(ctx context.Context, q db.Querier, ids *[]int64) error {
	if ids == nil {
		return nil
	}
	var c domain.Check
	for i, id := range *ids {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM teams WHERE id = $1`, id).Scan(&n); err != nil {
			return err
		}
		c.Require(n == 1, fmt.Sprintf("teams[%d]", i), "no such team")
	}
	return c.Err()
}

// setTeams makes operator id a member of exactly ids (nil: unchanged).
func setTeams(ctx context.Context, tx *db.Tx, id int64, ids *[]int64) error {
	if ids == nil {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM team_members WHERE operator_id = $1`, id); err != nil {
		return err
	}
	for _, t := range *ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO team_members (team_id, operator_id) VALUES ($1, $2)
			ON CONFLICT DO NOTHING`, t, id); err != nil {
			return err
		}
	}
	return nil
}
