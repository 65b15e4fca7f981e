package report

import (
	"context"
	"database/sql"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// A ticket report filtered by all three of channel, priority and
// operator names whole keys of report_days and report_durations (day,
// team, channel, priority, operator): it reads one point per day per team
// (for every team, each team's), so no range of other keys' rows. The
// days come from a list the statement makes, each joined to the table by
// its key: a recursive CTE on SQLite, whose CROSS JOIN keeps the list the
// outer loop; generate_series on PostgreSQL, joined LATERAL to a
// subquery that OFFSET 0 keeps from being flattened, since a plain join
// let the planner hash the team's every row (its team_id index) against
// the list instead.
const pointKey = `r.team_id = $3 AND r.channel = $4 AND r.priority = $5 AND r.operator_id = $6`

func pointDaysSQL(d db.Dialect) string {
	return pointSQL(d, `day, created, closed, reopened, open_delta, sla_met, sla_due`, "report_days", "")
}

func pointDurationsSQL(d db.Dialect) string {
	return pointSQL(d, `day, metric, bucket, n, total_s`, "report_durations", ` AND r.metric IN ($7, $8)`)
}

func pointSQL(d db.Dialect, cols, table, more string) string {
	if d == db.Postgres {
		return `SELECT ` + cols + ` FROM generate_series($1::date, $2::date, interval '1 day') g
			CROSS JOIN LATERAL (SELECT r.* FROM ` + table + ` r WHERE r.day = to_char(g, 'YYYY-MM-DD') AND ` +
			pointKey + more + ` OFFSET 0) p`
	}
	return `WITH RECURSIVE d(day) AS (SELECT $1 UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < $2)
		SELECT r.` + strings.ReplaceAll(cols, ", ", ", r.") + ` FROM d CROSS JOIN ` + table + ` r
		WHERE r.day = d.day AND ` + pointKey + more
}

// pointRows reads the period's counts per day, the backlog before it and
// the histograms of f's full key, team by team. The backlog's days run
// to the last day recorded, found by report_days' key (day leads it).
func (s *Service) pointRows(ctx context.Context, f Filter) (map[string]dayRow, int, histograms, error) {
	out, h := map[string]dayRow{}, histograms{}
	from, to := f.dates()
	end := to
	var last sql.NullString
	if err := s.DB.Read.QueryRowContext(ctx, `SELECT MAX(day) FROM report_days`).Scan(&last); err != nil {
		return nil, 0, nil, err
	}
	end = max(end, last.String)
	teams, err := s.pointTeams(ctx, f)
	if err != nil {
		return nil, 0, nil, err
	}
	before := 0
	for _, team := range teams {
		sh, args := f.shape(team, true)
		var open int
		if err := s.DB.Read.QueryRowContext(ctx, openNow[sh], args...).Scan(&open); err != nil {
			return nil, 0, nil, err
		}
		since, err := s.pointDays(ctx, out, []any{from, end, team, f.Channel, f.Priority, f.Operator}, to)
		if err != nil {
			return nil, 0, nil, err
		}
		before += open - since
		frt, res := f.metrics()
		if err := s.pointDurations(ctx, h, from, to, team, f, frt, res); err != nil {
			return nil, 0, nil, err
		}
	}
	return out, before, h, nil
}

// pointTeams are the teams whose keys f reads: the ones asked, or every
// team (teams are never deleted, so their list names every key's team).
func (s *Service) pointTeams(ctx context.Context, f Filter) ([]int64, error) {
	if teams := f.teamsAsked(); teams != nil {
		return teams, nil
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT id FROM teams ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var teams []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		teams = append(teams, id)
	}
	return teams, rows.Err()
}

// pointDays adds the days up to to into out and answers the open counts
// moved on every day read.
func (s *Service) pointDays(ctx context.Context, out map[string]dayRow, args []any, to string) (int, error) {
	rows, err := s.DB.Read.QueryContext(ctx, pointDaysSQL(s.DB.Dialect), args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	since := 0
	for rows.Next() {
		var day string
		var r dayRow
		if err := rows.Scan(&day, &r.created, &r.closed, &r.reopened, &r.openDelta, &r.slaMet, &r.slaDue); err != nil {
			return 0, err
		}
		since += r.openDelta
		if day <= to {
			out[day] = out[day].plus(r)
		}
	}
	return since, rows.Err()
}

func (s *Service) pointDurations(ctx context.Context, h histograms, from, to string, team int64, f Filter,
	frt, res string) error {
	return s.readHistograms(ctx, pointDurationsSQL(s.DB.Dialect), []any{from, to, team, f.Channel, f.Priority,
		f.Operator, frt, res}, h)
}
