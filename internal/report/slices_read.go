package report

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// A ticket report filtered by at most two of channel, priority and
// operator reads its days from one slice: one range of report_slices'
// key per team, from the period's first day to the last recorded (the
// open counts moved since the period began give the backlog before it),
// with the histograms of the period's days in the same rows.
var sliceDays = map[bool]string{false: sliceDaysSQL(firstResponseWall, resolutionWall),
	true: sliceDaysSQL(firstResponseBusiness, resolutionBusiness)}

func sliceDaysSQL(frt, res string) string {
	return fmt.Sprintf(`SELECT day, created, closed, reopened, open_delta, sla_met, sla_due,
		CASE WHEN day <= $5 THEN %s END, CASE WHEN day <= $5 THEN %s END
		FROM report_slices WHERE team_id = $1 AND dim = $2 AND val = $3 AND day >= $4`, frt, res)
}

// slice is the slice answering f: its dimension and value, a pair's
// when f filters by two of channel, priority and operator; false when f
// filters by all three (the points of the full key answer those, points.go).
func (f Filter) slice() (dim, val string, ok bool) {
	var dims, vals []string
	if f.Channel != "" {
		dims, vals = append(dims, "channel"), append(vals, f.Channel)
	}
	if f.Priority >= 0 {
		dims, vals = append(dims, "priority"), append(vals, strconv.Itoa(f.Priority))
	}
	if f.Operator != 0 {
		dims, vals = append(dims, "operator"), append(vals, strconv.FormatInt(f.Operator, 10))
	}
	return strings.Join(dims, "_"), strings.Join(vals, pairSep), len(dims) <= 2
}

// sliceRows reads the period's counts per day, the backlog before it and
// the histograms of the filter's time from f's slice.
func (s *Service) sliceRows(ctx context.Context, f Filter, dim, val string) (map[string]dayRow, int, histograms, error) {
	out, h := map[string]dayRow{}, histograms{}
	before := 0
	from, to := f.dates()
	frt, res := f.metrics()
	err := f.eachTeam(func(team int64) error {
		sh, args := f.shape(team, true)
		var open int
		if err := s.DB.Read.QueryRowContext(ctx, openNow[sh], args...).Scan(&open); err != nil {
			return err
		}
		rows, err := s.DB.Read.QueryContext(ctx, sliceDays[f.Business], team, dim, val, from, to)
		if err != nil {
			return err
		}
		defer rows.Close()
		since := 0
		for rows.Next() {
			var day string
			var r dayRow
			var frtH, resH sql.RawBytes
			if err := rows.Scan(&day, &r.created, &r.closed, &r.reopened, &r.openDelta, &r.slaMet, &r.slaDue,
				&frtH, &resH); err != nil {
				return err
			}
			since += r.openDelta
			if day > to {
				continue
			}
			out[day] = out[day].plus(r)
			if err := h.addJSON(day, frt, frtH); err != nil {
				return err
			}
			if err := h.addJSON(day, res, resH); err != nil {
				return err
			}
		}
		before += open - since
		return rows.Err()
	})
	return out, before, h, err
}

// addJSON adds a stored histogram to day's and the period's buckets of
// metric.
func (h histograms) addJSON(day, metric string, js []byte) error {
	return eachBucket(js, func(bucket int, n, total int64) {
		h.add(day, metric, bucket, n, total)
		h.add("", metric, bucket, n, total)
	})
}

// eachBucket calls fn with each bucket of a stored histogram ({"bucket":
// [n, total_s], ...}, as either engine prints it; nil: none).
func eachBucket(js []byte, fn func(bucket int, n, total int64)) error {
	var nums [3]int64
	at := 0
	for i := 0; i < len(js); i++ {
		c := js[i]
		if c < '0' || c > '9' {
			continue
		}
		j := i
		for j < len(js) && js[j] >= '0' && js[j] <= '9' {
			j++
		}
		v, err := strconv.ParseInt(string(js[i:j]), 10, 64)
		if err != nil {
			return fmt.Errorf("histogram %q: %w", js, err)
		}
		nums[at] = v
		if at++; at == 3 {
			fn(int(nums[0]), nums[1], nums[2])
			at = 0
		}
		i = j
	}
	if at != 0 {
		return fmt.Errorf("histogram %q: not bucket, count and total triples", js)
	}
	return nil
}
