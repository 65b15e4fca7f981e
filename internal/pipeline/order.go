package pipeline

import (
	"context"
	"fmt"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// move puts pipeline id at position pos (0 is first; past the end is last)
// and renumbers the others so positions stay 0..n-1.
func move(ctx context.Context, tx *db.Tx, id int64, pos int) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM pipelines ORDER BY position, lower(name), id`)
	if err != nil {
		return err
	}
	var order []int64
	for rows.Next() {
		var pid int64
		if err := rows.Scan(&pid); err != nil {
			rows.Close()
			return err
		}
		if pid != id {
			order = append(order, pid)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	pos = max(0, min(pos, len(order)))
	order = append(order[:pos], append([]int64{id}, order[pos:]...)...)
	for i, pid := range order {
		if _, err := tx.ExecContext(ctx, `UPDATE pipelines SET position = $2 WHERE id = $1 AND position <> $2`,
			pid, i); err != nil {
			return err
		}
	}
	return nil
}

// setTeams limits pipeline id to teams (none: every team), refusing an
// unknown team on teams[i].
func setTeams(ctx context.Context, tx *db.Tx, id int64, teams []int64) error {
	var c domain.Check
	for i, t := range teams {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM teams WHERE id = $1`, t).Scan(&n); err != nil {
			return err
		}
		c.Require(n > 0, fmt.Sprintf("teams[%d]", i), fmt.Sprintf("no team with id %d", t))
	}
	if err := c.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM pipeline_teams WHERE pipeline_id = $1`, id); err != nil {
		return err
	}
	for _, t := range teams {
		if _, err := tx.ExecContext(ctx, `INSERT INTO pipeline_teams (pipeline_id, team_id) VALUES ($1, $2)
			ON CONFLICT DO NOTHING`, id, t); err != nil {
			return err
		}
	}
	return nil
}

// teamsOf returns the team limits of the pipelines where selects, by pipeline.
func teamsOf(ctx context.Context, q db.Querier, where string, args ...any) (map[int64][]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT pipeline_id, team_id FROM pipeline_teams `+where+
		` ORDER BY pipeline_id, team_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]int64{}
	for rows.Next() {
		var p, t int64
		if err := rows.Scan(&p, &t); err != nil {
			return nil, err
		}
		out[p] = append(out[p], t)
	}
	return out, rows.Err()
}

// Allowed reports whether operator operatorID (not an admin: admins always
// may) may see pipeline id's tickets and move tickets into it: the
// pipeline has no team limit, or the operator is in one of its teams.
func (s *Service) Allowed(ctx context.Context, q db.Querier, id, operatorID int64) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, AllowedSQL, id, operatorID).Scan(&n)
	return n > 0, err
}

// AllowedSQL counts 1 when operator $2 may use pipeline $1 (see Allowed).
const AllowedSQL = `SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM pipeline_teams WHERE pipeline_id = $1)
	OR EXISTS (SELECT 1 FROM pipeline_teams pt JOIN team_members m ON m.team_id = pt.team_id
		WHERE pt.pipeline_id = $1 AND m.operator_id = $2) THEN 1 ELSE 0 END`
