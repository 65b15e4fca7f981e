package report

import "context"

// Without channel, priority and operator filters the SLA tables come from
// report_sum_sla: per team and day, by policy and by operator.
var (
	sumSLA = newQuery(3, `SELECT target, dim, dim_id, SUM(met), SUM(due) FROM report_sum_sla
		WHERE day >= $1 AND day <= $2{where} GROUP BY target, dim, dim_id`)
	sumSLATeams = `SELECT team_id, SUM(met), SUM(due) FROM report_sum_sla WHERE team_id IN (SELECT id FROM teams)
		AND day >= $1 AND day <= $2 AND dim = 'policy' GROUP BY team_id`
)

// slaTables adds the SLA targets settled in the period under team (0:
// every team) to the four groupings.
func (s *Service) slaTables(ctx context.Context, f Filter, team int64, out map[string]map[int64]*SLARow) error {
	from, to := f.dates()
	if !f.plain() {
		text, args := f.run(slaGroups, team, false, from, to)
		return s.slaGroups(ctx, text, args, out)
	}
	text, args := f.run(sumSLA, team, true, from, to)
	rows, err := s.DB.Read.QueryContext(ctx, text, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var target, dim string
		var id int64
		var met, due int
		if err := rows.Scan(&target, &dim, &id, &met, &due); err != nil {
			return err
		}
		if dim == "operator" {
			addSLA(out["operator"], id, met, due)
			continue
		}
		addSLA(out["target"], targetIDs[target], met, due)
		addSLA(out["policy"], id, met, due)
		if team != 0 {
			addSLA(out["team"], team, met, due)
		}
	}
	if err := rows.Err(); err != nil || team != 0 {
		return err
	}
	return s.slaTeams(ctx, from, to, out["team"])
}

// slaTeams adds every team's settled targets, for a report across teams.
func (s *Service) slaTeams(ctx context.Context, from, to string, out map[int64]*SLARow) error {
	rows, err := s.DB.Read.QueryContext(ctx, sumSLATeams, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var met, due int
		if err := rows.Scan(&id, &met, &due); err != nil {
			return err
		}
		addSLA(out, id, met, due)
	}
	return rows.Err()
}

var targetIDs = map[string]int64{"first_response": 1, "resolution": 2}

func addSLA(group map[int64]*SLARow, id int64, met, due int) {
	r := group[id]
	if r == nil {
		r = &SLARow{ID: id}
		group[id] = r
	}
	r.Met += met
	r.Due += due
}
