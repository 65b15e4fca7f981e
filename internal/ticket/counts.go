package ticket

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// CountQuery says whose open tickets to count, the ways the inbox's
// views narrow them.
type CountQuery struct {
	Me     int64   // the operator "My open" means
	Viewer int64   // when set, only the tickets this operator may see
	Teams  []int64 // the teams with a view of their own
	// Cap bounds each count: a count that reaches it means "Cap or more".
	// Each view's count then reads at most Cap index entries, however
	// many tickets are open (the 1M-ticket benchmark holds 200,000).
	Cap int
}

// OpenCounts are the counts of CountQuery, each at most its Cap.
type OpenCounts struct {
	All, Mine, Unassigned int
	ByTeam                map[int64]int // by team id
}

// CountOpen counts each view's open tickets in one query: one bounded
// range of a list index per view (tickets_open, tickets_assignee_open,
// tickets_team_open), joined by UNION ALL. Closed tickets, which grow
// without end, are never counted.
func (s *Service) CountOpen(ctx context.Context, q CountQuery) (OpenCounts, error) {
	w := &where{}
	open, capArg := w.arg(true), w.arg(max(q.Cap, 1))
	visible := ""
	if q.Viewer != 0 {
		visible = " AND " + fmt.Sprintf(visibleSQL, w.arg(q.Viewer))
	}
	conds := []string{"TRUE", "t.assignee_id = " + w.arg(q.Me), "t.assignee_id IS NULL"}
	for _, id := range q.Teams {
		conds = append(conds, "t.team_id = "+w.arg(id))
	}
	parts := make([]string, len(conds))
	for i, c := range conds {
		parts[i] = "SELECT " + strconv.Itoa(i) + " AS k, COUNT(*) AS n FROM (SELECT 1 FROM tickets t WHERE t.is_open = " +
			open + " AND " + c + visible + " LIMIT " + capArg + ") x" + strconv.Itoa(i)
	}
	rows, err := s.DB.Read.QueryContext(ctx, strings.Join(parts, " UNION ALL "), w.args...)
	if err != nil {
		return OpenCounts{}, err
	}
	defer rows.Close()
	c := OpenCounts{ByTeam: map[int64]int{}}
	for rows.Next() {
		var k, n int
		if err := rows.Scan(&k, &n); err != nil {
			return OpenCounts{}, err
		}
		switch k {
		case 0:
			c.All = n
		case 1:
			c.Mine = n
		case 2:
			c.Unassigned = n
		default:
			c.ByTeam[q.Teams[k-3]] = n
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
