package report

import (
	"context"
	"time"
)

// filterSQL keeps the roll-up rows of one team (0: all), channel,
// priority and operator, from $3 on; callers bound the days in $1, $2.
const filterSQL = ` AND ($3 = 0 OR team_id = $3) AND ($4 = '' OR channel = $4) AND ($5 < 0 OR priority = $5)
	AND ($6 = 0 OR operator_id = $6)`

const daysSQL = `SELECT day, SUM(created), SUM(closed), SUM(reopened), SUM(open_delta), SUM(sla_met), SUM(sla_due)
	FROM report_days WHERE day >= $1 AND day <= $2` + filterSQL + ` GROUP BY day`

// The backlog before the period is counted back from today's: the open
// tickets under the filtered keys now, less every open count moved since
// the period began. A recent period (the usual one) so reads its own days
// and the open tickets, never the whole history.
const openNowSQL = `SELECT COUNT(*) FROM report_tickets WHERE is_open AND ($1 = 0 OR team_id = $1)
	AND ($2 = '' OR channel = $2) AND ($3 < 0 OR priority = $3) AND ($4 = 0 OR operator_id = $4)`

const sinceSQL = `SELECT COALESCE(SUM(open_delta), 0) FROM report_days WHERE day >= $1 AND day >= $2` + filterSQL

// dayRow is one day's sums of report_days.
type dayRow struct {
	created, closed, reopened, openDelta, slaMet, slaDue int
}

// eachTeam runs fn once per team the filter sums (team 0: all teams, for
// an admin's report across teams).
func (f Filter) eachTeam(fn func(team int64) error) error {
	teams := f.teamsAsked()
	if teams == nil {
		teams = []int64{0}
	}
	for _, t := range teams {
		if err := fn(t); err != nil {
			return err
		}
	}
	return nil
}

func (f Filter) args(team int64, from, to string) []any {
	return []any{from, to, team, f.Channel, f.Priority, f.Operator}
}

func (f Filter) dates() (string, string) {
	return f.From.Format(time.DateOnly), f.To.Format(time.DateOnly)
}

// dayRows sums the counts per day of the period, and the backlog before it.
func (s *Service) dayRows(ctx context.Context, f Filter) (map[string]dayRow, int, error) {
	out := map[string]dayRow{}
	before := 0
	from, to := f.dates()
	err := f.eachTeam(func(team int64) error {
		var open, since int
		if err := s.DB.Read.QueryRowContext(ctx, openNowSQL, team, f.Channel, f.Priority, f.Operator).Scan(&open); err != nil {
			return err
		}
		if err := s.DB.Read.QueryRowContext(ctx, sinceSQL, f.args(team, from, from)...).Scan(&since); err != nil {
			return err
		}
		before += open - since
		rows, err := s.DB.Read.QueryContext(ctx, daysSQL, f.args(team, from, to)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var day string
			var r dayRow
			if err := rows.Scan(&day, &r.created, &r.closed, &r.reopened, &r.openDelta, &r.slaMet, &r.slaDue); err != nil {
				return err
			}
			out[day] = out[day].plus(r)
		}
		return rows.Err()
	})
	return out, before, err
}

func (a dayRow) plus(b dayRow) dayRow {
	return dayRow{a.created + b.created, a.closed + b.closed, a.reopened + b.reopened, a.openDelta + b.openDelta,
		a.slaMet + b.slaMet, a.slaDue + b.slaDue}
}
