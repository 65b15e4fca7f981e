package ticket

import (
	"context"
	"database/sql"
	"errors"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/team"
)

// A team's assignment mode picks the operator of a new ticket that names
// none: round robin goes to the active member after the one who got the
// team's latest assigned ticket; fewest open goes to the active member with
// the fewest open tickets. Both read only current rows, so several nodes
// agree without shared state.
const (
	lastAssignee = `SELECT assignee_id FROM tickets WHERE team_id = $1 AND assignee_id IS NOT NULL ORDER BY id DESC LIMIT 1`
	nextMember   = `SELECT m.operator_id FROM team_members m JOIN operators o ON o.id = m.operator_id AND o.active
		WHERE m.team_id = $1 ORDER BY m.operator_id > $2 DESC, m.operator_id LIMIT 1`
	leastLoaded = `SELECT m.operator_id FROM team_members m JOIN operators o ON o.id = m.operator_id AND o.active
		WHERE m.team_id = $1 ORDER BY (SELECT count(*) FROM tickets t WHERE t.assignee_id = m.operator_id AND t.is_open),
		m.operator_id LIMIT 1`
)

// autoAssignee returns the operator the team's mode picks, or nil.
func autoAssignee(ctx context.Context, q db.Querier, t team.Team) (*int64, error) {
	var id int64
	var err error
	switch t.AssignmentMode {
	case team.RoundRobin:
		var last sql.Null[int64]
		if err = q.QueryRowContext(ctx, lastAssignee, t.ID).Scan(&last); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		err = q.QueryRowContext(ctx, nextMember, t.ID, last.V).Scan(&id)
	case team.FewestOpen:
		err = q.QueryRowContext(ctx, leastLoaded, t.ID).Scan(&id)
	default:
		return nil, nil
	}
	if errors.Is(err, sql.ErrNoRows) { // no active member: the ticket waits unassigned
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &id, nil
}

// AutoAssignee returns the operator mode picks in team teamID, or nil:
// automations assign round robin or to the fewest open as creation does.
func AutoAssignee(ctx context.Context, q db.Querier, teamID int64, mode team.AssignmentMode) (*int64, error) {
	return autoAssignee(ctx, q, team.Team{ID: teamID, AssignmentMode: mode})
}
