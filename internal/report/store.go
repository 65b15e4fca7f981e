package report

import (
	"context"
	"time"
)

// The days of a period and every day after it up to today, in one pass:
// the period's rows, and the open counts moved since it began, from which
// the backlog before it is counted back. From the full key, for a filter
// no slice answers (slices_read.go).
var (
	daysFrom = newQuery(3, `SELECT day, SUM(created), SUM(closed), SUM(reopened), SUM(open_delta), SUM(sla_met),
		SUM(sla_due) FROM report_days WHERE day >= $1 AND day <= $2{where} GROUP BY day`)
	// The tickets open now under the filtered keys (team 0: every team).
	openNow = newQuery(1, `SELECT COALESCE(SUM(open_now), 0) FROM report_sum_open WHERE 1 = 1{where}`)
)

// lastDay bounds "every day after the period": later than any day.
const lastDay = "9999-12-31"

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

func (f Filter) dates() (string, string) {
	return f.From.Format(time.DateOnly), f.To.Format(time.DateOnly)
}

// dayRows sums the counts per day of the period, and the backlog before it.
func (s *Service) dayRows(ctx context.Context, f Filter) (map[string]dayRow, int, error) {
	out := map[string]dayRow{}
	before := 0
	from, to := f.dates()
	err := f.eachTeam(func(team int64) error {
		sh, args := f.shape(team, true)
		var open int
		if err := s.DB.Read.QueryRowContext(ctx, openNow[sh], args...).Scan(&open); err != nil {
			return err
		}
		text, args := f.run(daysFrom, team, false, from, lastDay)
		rows, err := s.DB.Read.QueryContext(ctx, text, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		since := 0
		for rows.Next() {
			var day string
			var r dayRow
			if err := rows.Scan(&day, &r.created, &r.closed, &r.reopened, &r.openDelta, &r.slaMet, &r.slaDue); err != nil {
				return err
			}
			since += r.openDelta
			if day <= to {
				out[day] = out[day].plus(r)
			}
		}
		before += open - since
		return rows.Err()
	})
	return out, before, err
}

func (a dayRow) plus(b dayRow) dayRow {
	return dayRow{a.created + b.created, a.closed + b.closed, a.reopened + b.reopened, a.openDelta + b.openDelta,
		a.slaMet + b.slaMet, a.slaDue + b.slaDue}
}
