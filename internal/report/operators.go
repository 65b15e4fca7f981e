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

var (
	operatorDays = newQuery(3, `SELECT operator_id, SUM(assigned), SUM(answers), SUM(closed) FROM report_days
		WHERE day >= $1 AND day <= $2{where} AND operator_id <> 0 GROUP BY operator_id`)
	operatorFRT = newQuery(4, `SELECT operator_id, bucket, SUM(n), SUM(total_s) FROM report_durations
		WHERE day >= $1 AND day <= $2 AND metric = $3{where} AND operator_id <> 0 GROUP BY operator_id, bucket`)
)

// Operators answers the per-operator table for f, by name.
func (s *Service) Operators(ctx context.Context, f Filter) ([]OperatorRow, error) {
	if err := s.CatchUp(ctx); err != nil {
		return nil, err
	}
	rows := map[int64]*OperatorRow{}
	hist := map[int64]map[int]*bin{}
	from, to := f.dates()
	frt, _ := f.metrics()
	// Without a channel or priority filter, the operators' slices, once
	// filled from the period's first day (slices_fill.go).
	bySlice := f.Channel == "" && f.Priority < 0
	if bySlice {
		covered, err := s.sliceCovers(ctx, "operator", from)
		if err != nil {
			return nil, err
		}
		bySlice = covered
	}
	err := f.eachTeam(func(team int64) error {
		if bySlice {
			return s.operatorsFromSlices(ctx, f, team, rows, hist)
		}
		text, args := f.run(operatorDays, team, false, from, to)
		if err := s.operatorCounts(ctx, text, args, rows); err != nil {
			return err
		}
		sh, args := f.shape(team, false)
		return s.operatorDurationsSQL(ctx, operatorFRT[sh], append([]any{from, to, frt}, args...), hist)
	})
	if err != nil {
		return nil, err
	}
	for id := range hist {
		rowOf(rows, id)
	}
	closes := map[int64]int{}
	for id, r := range rows {
		closes[id] = r.Closed
	}
	sat, err := s.satisfactions(ctx, f, closes)
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

func (s *Service) operatorCounts(ctx context.Context, query string, args []any, out map[int64]*OperatorRow) error {
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
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
