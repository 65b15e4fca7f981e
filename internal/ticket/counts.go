package ticket

import (
	"context"
	"database/sql"
	"fmt"
)

// OpenCounts are the open tickets an operator sees, counted the ways the
// inbox's views narrow them.
type OpenCounts struct {
	All, Mine, Unassigned int
	ByTeam                map[int64]int // by team id
}

// CountOpen counts the open tickets viewer may see (0: every ticket) in
// one grouped query over the index tickets_open_counts: closed tickets,
// which grow without end, are never counted.
func (s *Service) CountOpen(ctx context.Context, me, viewer int64) (OpenCounts, error) {
	w := &where{}
	w.add("t.is_open = " + w.arg(true))
	if viewer != 0 {
		w.add(fmt.Sprintf(visibleSQL, w.arg(viewer)))
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT t.team_id, t.assignee_id, COUNT(*) FROM tickets t`+w.sql()+
		` GROUP BY t.team_id, t.assignee_id`, w.args...)
	if err != nil {
		return OpenCounts{}, err
	}
	defer rows.Close()
	c := OpenCounts{ByTeam: map[int64]int{}}
	for rows.Next() {
		var teamID int64
		var assignee sql.Null[int64]
		var n int
		if err := rows.Scan(&teamID, &assignee, &n); err != nil {
			return OpenCounts{}, err
		}
		c.All += n
		c.ByTeam[teamID] += n
		switch {
		case !assignee.Valid:
			c.Unassigned += n
		case assignee.V == me:
			c.Mine += n
		}
	}
	return c, rows.Err()
}

// CountStatus counts the tickets in status statusID, up to limit: a
// closed status may hold millions, and a board column says "1000+"
// rather than count them all on every view.
func (s *Service) CountStatus(ctx context.Context, statusID int64, limit int) (int, error) {
	var n int
	err := s.DB.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM tickets WHERE status_id = $1 LIMIT $2) x`,
		statusID, limit).Scan(&n)
	return n, err
}
