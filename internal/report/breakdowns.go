package report

import (
	"context"
	"sort"
	"time"
)

// Breakdowns are the ticket report's tables beyond the days: SLA targets
// met per target, policy, team and operator; tickets per channel and per
// tag; and new tickets per hour and weekday.
type Breakdowns struct {
	SLA      SLATables  `json:"sla"`
	Channels []GroupRow `json:"channels"`
	Tags     []GroupRow `json:"tags"`
	HeatMap  [7][24]int `json:"heat_map"` // [weekday, Monday first][local hour]
}

// SLATables are the SLA targets settled in the period, grouped four ways.
type SLATables struct {
	Targets   []SLARow `json:"targets"`
	Policies  []SLARow `json:"policies"`
	Teams     []SLARow `json:"teams"`
	Operators []SLARow `json:"operators"`
}

// SLARow is one group's settled targets and the share met on time.
type SLARow struct {
	ID     int64    `json:"id,omitempty"`
	Name   string   `json:"name"`
	Met    int      `json:"met"`
	Due    int      `json:"due"`
	Missed int      `json:"missed"` // met late or breached: Due less Met
	MetPct *float64 `json:"met_pct"`
}

// GroupRow is tickets created and closed in one channel or under one tag.
type GroupRow struct {
	Name    string `json:"name"`
	Created int    `json:"created"`
	Closed  int    `json:"closed"`
}

var (
	slaGroups = newQuery(3, `SELECT target, policy_id, team_id, operator_id, SUM(met), SUM(due) FROM report_sla_days
		WHERE day >= $1 AND day <= $2{where} GROUP BY target, policy_id, team_id, operator_id`)
	// Without a priority or operator filter, the channels' slices (once filled).
	sliceChannels = [2]string{`SELECT val, SUM(created), SUM(closed) FROM report_slices
		WHERE day >= $1 AND day <= $2 AND team_id = $3 AND dim = 'channel' GROUP BY val`,
		`SELECT val, SUM(created), SUM(closed) FROM report_slices
		WHERE day >= $1 AND day <= $2 AND team_id = $3 AND dim = 'channel' AND val = $4 GROUP BY val`}
	// Without a channel, priority or operator filter, the tags' slices.
	sliceTags = `SELECT val, SUM(created), SUM(closed) FROM report_slices
		WHERE day >= $1 AND day <= $2 AND team_id = $3 AND dim = 'tag' GROUP BY val`
	channels = newQuery(3, `SELECT channel, SUM(created), SUM(closed) FROM report_days
		WHERE day >= $1 AND day <= $2{where} GROUP BY channel`)
	tags = newQuery(3, `SELECT tag, SUM(created), SUM(closed) FROM report_tag_days WHERE day >= $1 AND day <= $2{where}
		GROUP BY tag`)
	sumHours = newQuery(3, `SELECT day, hour, created FROM report_sum_hours WHERE day >= $1 AND day <= $2{where}`)
	hours    = newQuery(3, `SELECT day, hour, SUM(created) FROM report_hour_days WHERE day >= $1 AND day <= $2{where}
		GROUP BY day, hour`)
)

// Breakdowns answers the breakdown tables for f from the roll-ups.
func (s *Service) Breakdowns(ctx context.Context, f Filter) (Breakdowns, error) {
	if err := s.CatchUp(ctx); err != nil {
		return Breakdowns{}, err
	}
	var out Breakdowns
	sla := map[string]map[int64]*SLARow{"target": {}, "policy": {}, "team": {}, "operator": {}}
	perChannel, perTag := map[string]*GroupRow{}, map[string]*GroupRow{}
	from, to := f.dates()
	channelQ, hourQ := channels, hours
	if f.plain() {
		hourQ = sumHours
	}
	// The channels' slices once filled from the period's first day
	// (slices_fill.go).
	bySlice := f.Priority < 0 && f.Operator == 0
	if bySlice {
		covered, err := s.sliceCovers(ctx, "channel", from)
		if err != nil {
			return out, err
		}
		bySlice = covered
	}
	err := f.eachTeam(func(team int64) error {
		if err := s.slaTables(ctx, f, team, sla); err != nil {
			return err
		}
		text, args := f.run(channelQ, team, false, from, to)
		if bySlice {
			text, args = f.channelSlices(team, from, to)
		}
		if err := s.groups(ctx, text, args, perChannel); err != nil {
			return err
		}
		text, args = f.run(tags, team, false, from, to)
		if f.plain() {
			text, args = sliceTags, []any{from, to, team}
		}
		if err := s.groups(ctx, text, args, perTag); err != nil {
			return err
		}
		text, args = f.run(hourQ, team, f.plain(), from, to)
		return s.hours(ctx, text, args, &out.HeatMap)
	})
	if err != nil {
		return out, err
	}
	out.Channels, out.Tags = sortedGroups(perChannel), sortedGroups(perTag)
	if out.SLA, err = s.nameSLA(ctx, sla); err != nil {
		return out, err
	}
	return out, nil
}

func (s *Service) slaGroups(ctx context.Context, query string, args []any, out map[string]map[int64]*SLARow) error {
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var target string
		var policy, team, operator int64
		var met, due int
		if err := rows.Scan(&target, &policy, &team, &operator, &met, &due); err != nil {
			return err
		}
		for group, id := range map[string]int64{"target": targetIDs[target], "policy": policy, "team": team,
			"operator": operator} {
			addSLA(out[group], id, met, due)
		}
	}
	return rows.Err()
}

// nameSLA names the groups and sorts them by name (targets in their
// order: first response, resolution).
func (s *Service) nameSLA(ctx context.Context, groups map[string]map[int64]*SLARow) (SLATables, error) {
	queries := map[string]string{"policy": `SELECT name FROM sla_policies WHERE id = $1`,
		"team": `SELECT name FROM teams WHERE id = $1`, "operator": `SELECT name FROM operators WHERE id = $1`}
	list := func(group string) ([]SLARow, error) {
		out := []SLARow{}
		for id, r := range groups[group] {
			r.MetPct, r.Missed = pct(r.Met, r.Due), r.Due-r.Met
			switch {
			case group == "target":
				r.Name = map[int64]string{1: "First response", 2: "Resolution"}[id]
			case id == 0:
				r.Name = map[string]string{"policy": "(no policy)", "team": "(no team)", "operator": "(unassigned)"}[group]
			default:
				if err := s.DB.Read.QueryRowContext(ctx, queries[group], id).Scan(&r.Name); err != nil {
					r.Name = "(deleted)"
				}
			}
			out = append(out, *r)
		}
		sort.Slice(out, func(i, j int) bool {
			if group == "target" {
				return out[i].ID < out[j].ID
			}
			return out[i].Name < out[j].Name
		})
		return out, nil
	}
	var t SLATables
	var err error
	if t.Targets, err = list("target"); err != nil {
		return t, err
	}
	if t.Policies, err = list("policy"); err != nil {
		return t, err
	}
	if t.Teams, err = list("team"); err != nil {
		return t, err
	}
	t.Operators, err = list("operator")
	return t, err
}

func (s *Service) groups(ctx context.Context, query string, args []any, out map[string]*GroupRow) error {
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var created, closed int
		if err := rows.Scan(&name, &created, &closed); err != nil {
			return err
		}
		if out[name] == nil {
			out[name] = &GroupRow{Name: name}
		}
		out[name].Created += created
		out[name].Closed += closed
	}
	return rows.Err()
}

func sortedGroups(m map[string]*GroupRow) []GroupRow {
	out := make([]GroupRow, 0, len(m))
	for _, g := range m {
		if g.Created != 0 || g.Closed != 0 {
			out = append(out, *g)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Created != out[j].Created {
			return out[i].Created > out[j].Created
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// hours adds each day's creations per local hour to the weekday's row
// (Monday first).
func (s *Service) hours(ctx context.Context, query string, args []any, heat *[7][24]int) error {
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var day string
		var hour, n int
		if err := rows.Scan(&day, &hour, &n); err != nil {
			return err
		}
		d, err := time.Parse(time.DateOnly, day)
		if err != nil || hour < 0 || hour > 23 {
			continue
		}
		heat[(int(d.Weekday())+6)%7][hour] += n
	}
	return rows.Err()
}

// channelSlices is the channels breakdown's statement from the slices of
// dim 'channel' (the one asked, when f filters by channel).
func (f Filter) channelSlices(team int64, from, to string) (string, []any) {
	if f.Channel != "" {
		return sliceChannels[1], []any{from, to, team, f.Channel}
	}
	return sliceChannels[0], []any{from, to, team}
}
