package operator

import (
	"context"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// MaxSignature bounds a signature: a few lines, not a newsletter.
const MaxSignature = 2000

// TeamSignature is an operator's signature for one of their teams.
type TeamSignature struct {
	TeamID   int64
	TeamName string
	Body     string
}

// Signatures lists operator id's teams, each with its signature ("" for
// none), by team name.
func (s *Service) Signatures(ctx context.Context, id int64) ([]TeamSignature, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT t.id, t.name, COALESCE(s.body, '') FROM team_members m
		JOIN teams t ON t.id = m.team_id
		LEFT JOIN operator_signatures s ON s.operator_id = m.operator_id AND s.team_id = t.id
		WHERE m.operator_id = $1 ORDER BY lower(t.name), t.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TeamSignature
	for rows.Next() {
		var ts TeamSignature
		if err := rows.Scan(&ts.TeamID, &ts.TeamName, &ts.Body); err != nil {
			return nil, err
		}
		out = append(out, ts)
	}
	return out, rows.Err()
}

// SetSignatures stores operator id's signatures by team id; an empty one
// removes it. Only teams the operator belongs to may have one.
func (s *Service) SetSignatures(ctx context.Context, id int64, bodies map[int64]string) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		var c domain.Check
		for team, body := range bodies {
			field := fmt.Sprintf("signature_%d", team)
			body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
			c.Text(field, body)
			c.Require(len(body) <= MaxSignature, field, fmt.Sprintf("must be at most %d bytes", MaxSignature))
			bodies[team] = body
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM team_members WHERE team_id = $1 AND operator_id = $2`,
				team, id).Scan(&n); err != nil {
				return err
			}
			c.Require(n == 1, field, "you are not a member of this team")
		}
		if err := c.Err(); err != nil {
			return err
		}
		for team, body := range bodies {
			if _, err := tx.ExecContext(ctx, `DELETE FROM operator_signatures WHERE operator_id = $1 AND team_id = $2`, id, team); err != nil {
				return err
			}
			if body == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO operator_signatures (operator_id, team_id, body) VALUES ($1, $2, $3)`,
				id, team, body); err != nil {
				return err
			}
		}
		return nil
	})
}
