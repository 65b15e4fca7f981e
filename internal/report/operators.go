package report

import (
	"context"
	"sort"
)

// OperatorRow is one operator's figures over a period: tickets assigned to
// them, public answers they wrote, tickets closed while theirs, and the
// median of the first responses they wrote.
type OperatorRow struct {
	ID            int64  `json:"id"`
	Name          string `json:"name"`
	Email         string `json:"email"`
	Assigned      int    `json:"assigned"`
	Answers       int    `json:"public_answers"`
	Closed        int    `json:"closed"`
	FirstResponse Figure `json:"first_response"`
	// Satisfaction is the ratings of tickets assigned to them (and of chats
	// they held), with the response rate against their closes (sessions).
	Satisfaction Satisfaction `json:"satisfaction"`
}

const operatorsSQL = `SELECT operator_id, SUM(assigned), SUM(answers), SUM(closed) FROM report_days
	WHERE day >= $1 AND day <= $2` + filterSQL + ` AND operator_id <> 0 GROUP BY operator_id`

const operatorDurationsSQL = `SELECT operator_id, bucket, SUM(n), SUM(total_s) FROM report_durations
	WHERE day >= $1 AND day <= $2` + filterSQL + ` AND operator_id <> 0 AND metric = $7
	GROUP BY operator_id, bucket`

// Operators answers the per-operator table for f, by name.
func (s *Service) Operators(ctx context.Context, f Filter) ([]OperatorRow, error) {
	rows := map[int64]*OperatorRow{}
	hist := map[int64]map[int]*bin{}
	from, to := f.dates()
	frt, _ := f.metrics()
	err := f.eachTeam(func(team int64) error {
		if err := s.operatorCounts(ctx, f.args(team, from, to), rows); err != nil {
			return err
		}
		return s.operatorDurations(ctx, append(f.args(team, from, to), frt), rows, hist)
	})
	if err != nil {
		return nil, err
	}
	sat, err := s.satisfactions(ctx, f)
	if err != nil {
		return nil, err
	}
	for id, v := range sat {
		if id > 0 && (v.Mail.Rated > 0 || v.Chat != nil && v.Chat.Rated > 0) {
			rowOf(rows, id)
		}
	}
	out := make([]OperatorRow, 0, len(rows))
	for id, r := range rows {
		r.FirstResponse = figureOf(hist[id])
		if v := sat[id]; v != nil {
			r.Satisfaction = *v
		} else {
			r.Satisfaction.finish(0, 0)
		}
		out = append(out, *r)
	}
	if err := s.name(ctx, out); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func rowOf(rows map[int64]*OperatorRow, id int64) *OperatorRow {
	if rows[id] == nil {
		rows[id] = &OperatorRow{ID: id}
	}
	return rows[id]
}

func (s *Service) operatorCounts(ctx context.Context, args []any, out map[int64]*OperatorRow) error {
	rows, err := s.DB.Read.QueryContext(ctx, operatorsSQL, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var assigned, answers, closed int
		if err := rows.Scan(&id, &assigned, &answers, &closed); err != nil {
			return err
		}
		r := rowOf(out, id)
		r.Assigned += assigned
		r.Answers += answers
		r.Closed += closed
	}
	return rows.Err()
}

func (s *Service) operatorDurations(ctx context.Context, args []any, out map[int64]*OperatorRow,
	hist map[int64]map[int]*bin) error {
	rows, err := s.DB.Read.QueryContext(ctx, operatorDurationsSQL, args...)
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
		rowOf(out, id)
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

// name fills the operators' names and emails (the operators table is
// small: one row per person).
func (s *Service) name(ctx context.Context, list []OperatorRow) error {
	for i := range list {
		err := s.DB.Read.QueryRowContext(ctx, `SELECT name, email FROM operators WHERE id = $1`, list[i].ID).
			Scan(&list[i].Name, &list[i].Email)
		if err != nil {
			return err
		}
	}
	return nil
}
