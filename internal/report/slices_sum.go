package report

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// sliceSum is one slice row's increments summed over a rebuild chunk.
type sliceSum struct {
	counts [8]int64
	hists  [6]map[int]*bin
}

// slice sums a into the chunk's slice rows, written once at flush.
func (s *sumSink) slice(_ context.Context, a sliceAdd) error {
	if s.slices == nil {
		s.slices = map[sliceKey]*sliceSum{}
	}
	for _, k := range sliceKeys(a.k, a.day) {
		r := s.slices[k]
		if r == nil {
			r = &sliceSum{}
			s.slices[k] = r
		}
		if a.counts != nil {
			for i, v := range a.counts {
				r.counts[i] += v
			}
			continue
		}
		r.addDuration(metricIndex(a.wallMetric), a.wall)
		r.addDuration(metricIndex(a.busMetric), a.business)
	}
	return nil
}

func (r *sliceSum) addDuration(m int, s int64) {
	if r.hists[m] == nil {
		r.hists[m] = map[int]*bin{}
	}
	addBin(r.hists[m], bucketOf(s), 1, s)
}

// histJSON is a histogram as stored: {"bucket": [n, total_s], ...}; nil
// (NULL) when empty.
func histJSON(h map[int]*bin) any {
	if len(h) == 0 {
		return nil
	}
	b := []byte{'{'}
	for i, k := range slices.Sorted(maps.Keys(h)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(strconv.AppendInt(append(b, '"'), int64(k), 10), `":[`...)
		b = append(strconv.AppendInt(append(strconv.AppendInt(b, h[k].n, 10), ','), h[k].total, 10), ']')
	}
	return string(append(b, '}'))
}

// flushSlices writes the chunk's slice rows in key order, merging each
// into the row already there (an earlier chunk's).
func (s *sumSink) flushSlices(ctx context.Context, tx *db.Tx) error {
	return writeSliceRows(ctx, tx, s.slices, mergeSlice)
}

// How writeSliceRows treats a row already there: adds to it (a rebuild's
// chunk after another), or replaces it (a fill of the pairs).
const (
	mergeSlice = false
	setSlice   = true
)

// writeSliceRows writes rows in key order, a statement per flushBlock.
func writeSliceRows(ctx context.Context, tx *db.Tx, rows map[sliceKey]*sliceSum, replace bool) error {
	keys := slices.SortedFunc(maps.Keys(rows), sliceKey.compare)
	block := flushBlock(tx.Dialect)
	for len(keys) > 0 {
		n := min(len(keys), block)
		args := make([]any, 0, n*16)
		for _, k := range keys[:n] {
			r := rows[k]
			args = append(args, k.team, k.dim, k.val, k.day)
			for _, v := range r.counts {
				args = append(args, v)
			}
			for _, h := range r.hists {
				args = append(args, histJSON(h))
			}
		}
		if _, err := tx.ExecContext(ctx, sliceRowsSQL(tx.Dialect, n, replace), args...); err != nil {
			return fmt.Errorf("report_slices: %w", err)
		}
		keys = keys[n:]
	}
	return nil
}

// compare orders slice keys as their primary key: team, dim, val, day.
func (k sliceKey) compare(o sliceKey) int {
	return cmp.Or(cmp.Compare(k.team, o.team), strings.Compare(k.dim, o.dim), strings.Compare(k.val, o.val),
		strings.Compare(k.day, o.day))
}

// sliceRowsSQL writes rows whole slice rows, adding their counts and
// merging their histograms bucket by bucket into the rows there, or, to
// replace, setting every column of those rows.
func sliceRowsSQL(d db.Dialect, rows int, replace bool) string {
	cols := append(append([]string{"team_id", "dim", "val", "day"}, sliceCounts...), sliceMetrics...)
	var b strings.Builder
	b.WriteString("INSERT INTO report_slices (" + strings.Join(cols, ", ") + ") VALUES ")
	n := 1
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range cols {
			if c > 0 {
				b.WriteString(", ")
			}
			b.WriteString("$" + strconv.Itoa(n))
			if d == db.Postgres && c >= 4+len(sliceCounts) {
				b.WriteString("::jsonb")
			}
			n++
		}
		b.WriteByte(')')
	}
	b.WriteString(" ON CONFLICT (team_id, dim, val, day) DO UPDATE SET ")
	if replace {
		for i, c := range cols[4:] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(c + " = excluded." + c)
		}
		return b.String()
	}
	b.WriteString(addCounts())
	for _, m := range sliceMetrics {
		b.WriteString(", " + m + " = " + mergeHist(d, m))
	}
	return b.String()
}

// mergeHist is the histogram col there plus the one written.
func mergeHist(d db.Dialect, col string) string {
	old, add := "report_slices."+col, "excluded."+col
	sum := `(SELECT json_group_object(key, json_array(n, t)) FROM (SELECT key, SUM(json_extract(value, '$[0]')) AS n,
		SUM(json_extract(value, '$[1]')) AS t FROM (SELECT key, value FROM json_each(%[1]s)
		UNION ALL SELECT key, value FROM json_each(%[2]s)) GROUP BY key))`
	if d == db.Postgres {
		sum = `(SELECT jsonb_object_agg(key, jsonb_build_array(n, t)) FROM (SELECT key, SUM((value->>0)::bigint) AS n,
		SUM((value->>1)::bigint) AS t FROM (SELECT key, value FROM jsonb_each(%[1]s)
		UNION ALL SELECT key, value FROM jsonb_each(%[2]s)) a GROUP BY key) b)`
	}
	return fmt.Sprintf("CASE WHEN %[2]s IS NULL THEN %[1]s WHEN %[1]s IS NULL THEN %[2]s ELSE "+sum+" END", old, add)
}
