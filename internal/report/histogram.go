package report

import (
	"context"
	"sort"
)

// The period's duration buckets of two metrics from the full key, for a
// filter no slice answers (two or more of channel, priority, operator).
var durations = newQuery(5, `SELECT day, metric, bucket, SUM(n), SUM(total_s) FROM report_durations
	WHERE day >= $1 AND day <= $2 AND metric IN ($3, $4){where} GROUP BY day, metric, bucket`)

// bin is one histogram bucket: how many durations and their sum.
type bin struct{ n, total int64 }

// histograms holds per day ("" for the whole period) and metric the
// buckets of durations.
type histograms map[string]map[string]map[int]*bin

func (h histograms) add(day, metric string, bucket int, n, total int64) {
	if h[day] == nil {
		h[day] = map[string]map[int]*bin{}
	}
	if h[day][metric] == nil {
		h[day][metric] = map[int]*bin{}
	}
	addBin(h[day][metric], bucket, n, total)
}

// addBin adds n durations totalling total seconds to bucket of buckets.
func addBin(buckets map[int]*bin, bucket int, n, total int64) {
	b := buckets[bucket]
	if b == nil {
		b = &bin{}
		buckets[bucket] = b
	}
	b.n += n
	b.total += total
}

// histograms reads the period's duration buckets of the filter's time
// (business or wall) from the full key.
func (s *Service) histograms(ctx context.Context, f Filter) (histograms, error) {
	frt, res := f.metrics()
	h := histograms{}
	from, to := f.dates()
	err := f.eachTeam(func(team int64) error {
		sh, args := f.shape(team, false)
		return s.readHistograms(ctx, durations[sh], append([]any{from, to, frt, res}, args...), h)
	})
	return h, err
}

// readHistograms adds the rows of query, (day, metric, bucket, n,
// total_s), to h under their day and under the period ("").
func (s *Service) readHistograms(ctx context.Context, query string, args []any, h histograms) error {
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var day, metric string
		var bucket int
		var n, total int64
		if err := rows.Scan(&day, &metric, &bucket, &n, &total); err != nil {
			return err
		}
		h.add(day, metric, bucket, n, total)
		h.add("", metric, bucket, n, total)
	}
	return rows.Err()
}

func (f Filter) metrics() (firstResponse, resolution string) {
	if f.Business {
		return firstResponseBusiness, resolutionBusiness
	}
	return firstResponseWall, resolutionWall
}

// figures are the first response and resolution figures of day ("": the
// period).
func (h histograms) figures(day string, f Filter) (Figure, Figure) {
	frt, res := f.metrics()
	return figureOf(h[day][frt]), figureOf(h[day][res])
}

// figureOf computes the median and 90th percentile by nearest rank: the
// value at rank ceil(p*n), read as the mean of the bucket holding it
// (exact when the bucket holds one value or equal ones, else within its
// 5% width).
func figureOf(bins map[int]*bin) Figure {
	var n int64
	keys := make([]int, 0, len(bins))
	for k, b := range bins {
		keys = append(keys, k)
		n += b.n
	}
	if n == 0 {
		return Figure{}
	}
	sort.Ints(keys)
	at := func(p int64) *int64 {
		rank := (p*n + 99) / 100 // ceil(p% of n)
		var seen int64
		for _, k := range keys {
			if seen += bins[k].n; seen >= rank {
				v := (bins[k].total + bins[k].n/2) / bins[k].n
				return &v
			}
		}
		return nil
	}
	return Figure{Median: at(50), P90: at(90)}
}
