package report

import (
	"context"
	"time"
)

// The operators' histograms (report_sum_operator_durations) of one
// metric: by week (span 7) for the whole weeks of a period, by day (span
// 1) for the days around them. Rows for one team (0: every team), and
// for one operator when asked.
var operatorSpans = newQuery(6, `SELECT operator_id, bucket, SUM(n), SUM(total_s)
	FROM report_sum_operator_durations WHERE team_id = $1 AND metric = $2 AND span = $3 AND start >= $4
	AND start <= $5{where} AND operator_id <> 0 GROUP BY operator_id, bucket`)

// span is a run of days read as one span kind: weeks by their Mondays,
// or days.
type span struct {
	days     int
	from, to string
}

// spansOf splits from..to into its whole weeks (Monday to Sunday) and the
// days before and after them.
func spansOf(from, to time.Time) []span {
	monday := from.AddDate(0, 0, (7-(int(from.Weekday())+6)%7)%7)
	lastMonday := to.AddDate(0, 0, -6)
	lastMonday = lastMonday.AddDate(0, 0, -((int(lastMonday.Weekday()) + 6) % 7))
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	if lastMonday.Before(monday) {
		return []span{{1, day(from), day(to)}}
	}
	out := []span{{7, day(monday), day(lastMonday)}}
	if monday.After(from) {
		out = append(out, span{1, day(from), day(monday.AddDate(0, 0, -1))})
	}
	if end := lastMonday.AddDate(0, 0, 6); end.Before(to) {
		out = append(out, span{1, day(end.AddDate(0, 0, 1)), day(to)})
	}
	return out
}

// operatorHistograms adds the period's histograms of metric per operator
// under team to hist (and names each operator in rows, when not nil).
func (s *Service) operatorHistograms(ctx context.Context, f Filter, team int64, metric string,
	hist map[int64]map[int]*bin) error {
	var sh shape
	var args []any
	if f.Operator != 0 {
		sh, args = byOperator, []any{f.Operator}
	}
	for _, sp := range spansOf(f.From, f.To) {
		all := append([]any{team, metric, sp.days, sp.from, sp.to}, args...)
		if err := s.operatorDurationsSQL(ctx, operatorSpans[sh], all, hist); err != nil {
			return err
		}
	}
	return nil
}
