package report

import (
	"context"
	"math"
	"sort"
)

// ChatOperatorRow is one operator's chat figures over a period (Odoo's
// operator analysis): sessions they held, their mean duration, the
// visitors' ratings (mean on a scale of 1 Dissatisfied, 2 Okay,
// 3 Satisfied, and the share Satisfied) and the time to answer.
type ChatOperatorRow struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	Email        string   `json:"email"`
	Sessions     int      `json:"sessions"`
	MeanDuration *int64   `json:"mean_duration_s"`
	Ratings      Ratings  `json:"ratings"`
	MeanRating   *float64 `json:"mean_rating"`
	Wait         Figure   `json:"wait"`
}

var (
	chatOperators = newQuery(3, `SELECT operator_id, SUM(sessions), SUM(duration_s), SUM(rated), SUM(satisfied),
		SUM(okay), SUM(dissatisfied) FROM report_chat_days WHERE day >= $1 AND day <= $2{where}
		AND operator_id <> 0 GROUP BY operator_id`)
)

// ChatOperators answers the per-operator chat table for f, by name.
func (s *Service) ChatOperators(ctx context.Context, f Filter) ([]ChatOperatorRow, error) {
	if err := s.CatchUp(ctx); err != nil {
		return nil, err
	}
	days := map[int64]ChatDay{}
	hist := map[int64]map[int]*bin{}
	from, to := f.dates()
	err := f.eachTeam(func(team int64) error {
		text, args := f.chatRun(chatOperators, team, from, to)
		if err := s.chatOperatorCounts(ctx, text, args, days); err != nil {
			return err
		}
		return s.operatorHistograms(ctx, f, team, chatWait, hist)
	})
	if err != nil {
		return nil, err
	}
	out := make([]ChatOperatorRow, 0, len(days))
	for id, d := range days {
		d.finish(nil)
		r := ChatOperatorRow{ID: id, Sessions: d.Sessions, MeanDuration: d.MeanDuration, Ratings: d.Ratings,
			Wait: figureOf(hist[id])}
		if n := d.Ratings; n.Rated > 0 {
			m := math.Round(float64(3*n.Satisfied+2*n.Okay+n.Dissatisfied)*10/float64(n.Rated)) / 10
			r.MeanRating = &m
		}
		out = append(out, r)
	}
	for i := range out {
		if err := s.DB.Read.QueryRowContext(ctx, `SELECT name, email FROM operators WHERE id = $1`, out[i].ID).
			Scan(&out[i].Name, &out[i].Email); err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (s *Service) chatOperatorCounts(ctx context.Context, query string, args []any, out map[int64]ChatDay) error {
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var d ChatDay
		r := &d.Ratings
		if err := rows.Scan(&id, &d.Sessions, &d.durationS, &r.Rated, &r.Satisfied, &r.Okay, &r.Dissatisfied); err != nil {
			return err
		}
		out[id] = out[id].plus(d)
	}
	return rows.Err()
}

// operatorDurationsSQL reads per-operator histogram buckets with query.
func (s *Service) operatorDurationsSQL(ctx context.Context, query string, args []any, hist map[int64]map[int]*bin) error {
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, n, total int64
		var bucket int
		if err := rows.Scan(&id, &bucket, &n, &total); err != nil {
			return err
		}
		if hist[id] == nil {
			hist[id] = map[int]*bin{}
		}
		if hist[id][bucket] == nil {
			hist[id][bucket] = &bin{}
		}
		hist[id][bucket].n += n
		hist[id][bucket].total += total
	}
	return rows.Err()
}
