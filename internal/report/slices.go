package report

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Slices (report_slices, migration 0071) hold per (team, dimension, value,
// day) a day's counts and its duration histograms in one row: team 0 is
// every team, dim "" no filter, else "channel", "priority" or "operator"
// (operator 0, none, has no slice). A fact adds to the rows of its team
// and of team 0 for each dimension: eight rows, in one statement.

// sliceTagsUpsert adds a tag's creations and closes to its slices (dim
// 'tag', under the team and every team), for the tags breakdown: only
// counts, and no ticket report reads them.
var sliceTagsUpsert = newUpsert("report_slices", 4, "team_id", "dim", "val", "day", "created", "closed")

// sliceDims are the dimensions in their order in a fact's rows: sorted,
// so a statement locks its rows in key order on PostgreSQL (team 0, then
// the team; each dimension's one value) and two writers never wait on
// each other's rows crosswise.
var sliceDims = []string{"", "channel", "channel_operator", "channel_priority", "operator", "priority",
	"priority_operator"}

// pairSep joins the two values of a pair slice, as in "email|2".
const pairSep = "|"

// sliceKey names one slice row.
type sliceKey struct {
	team     int64
	dim, val string
	day      string
}

// sliceKeys are the rows a fact under k on day adds to.
func sliceKeys(k key, day string) []sliceKey {
	teams := []int64{k.team}
	if k.team != 0 {
		teams = append(teams, 0)
	}
	out := make([]sliceKey, 0, 2*len(sliceDims))
	for _, dim := range sliceDims {
		val, ok := k.sliceVal(dim)
		if !ok {
			continue
		}
		for _, t := range teams {
			out = append(out, sliceKey{team: t, dim: dim, val: val, day: day})
		}
	}
	return out
}

// sliceVal is k's value of dim as text; false when k has no slice of dim.
func (k key) sliceVal(dim string) (string, bool) {
	switch dim {
	case "channel":
		return k.channel, true
	case "priority":
		return strconv.Itoa(k.priority), true
	case "operator":
		return strconv.FormatInt(k.operator, 10), k.operator != 0
	case "channel_priority":
		return k.channel + pairSep + strconv.Itoa(k.priority), true
	case "channel_operator":
		return k.channel + pairSep + strconv.FormatInt(k.operator, 10), k.operator != 0
	case "priority_operator":
		return strconv.Itoa(k.priority) + pairSep + strconv.FormatInt(k.operator, 10), k.operator != 0
	}
	return "", true
}

// sliceCounts are the counts a slice row keeps, in its column order.
var sliceCounts = []string{"created", "closed", "reopened", "assigned", "answers", "open_delta", "sla_met", "sla_due"}

// The four histogram columns, in their order in a slice row.
var sliceMetrics = []string{firstResponseWall, firstResponseBusiness, resolutionWall, resolutionBusiness,
	chatWait, chatDuration}

func metricIndex(metric string) int {
	for i, m := range sliceMetrics {
		if m == metric {
			return i
		}
	}
	return -1
}

func countValues(c counts) [8]int64 {
	return [8]int64{int64(c.created), int64(c.closed), int64(c.reopened), int64(c.assigned), int64(c.answers),
		int64(c.openDelta), int64(c.slaMet), int64(c.slaDue)}
}

// sliceAdd is one fact's increment of its slice rows: counts, or one
// duration in a wall and a business metric.
type sliceAdd struct {
	k                     key
	day                   string
	counts                *[8]int64
	wallMetric, busMetric string
	wall, business        int64
}

// liveSliceSQL is the statement adding a to its rows in place, one per
// dialect and shape (with or without an operator, counts or which
// metrics), built once. A histogram is incremented where it lies
// (json_set / jsonb_set of the one bucket), so concurrent writers on
// PostgreSQL, which lock the row, never lose an update.
var liveSliceSQL sync.Map

// statement is a's text and parameters: the team, the day and the value
// of each dimension a has (those of the operator only when there is one)
// name every row; the counts, or the buckets and seconds, follow. (modernc.org/sqlite binds n
// parameters in n² time: the rows share theirs.)
func (a sliceAdd) statement(d db.Dialect) (string, []any) {
	args := []any{a.k.team, a.day}
	for _, dim := range sliceDims[1:] {
		if val, ok := a.k.sliceVal(dim); ok {
			args = append(args, val)
		}
	}
	shared := len(args) + 1
	if a.counts != nil {
		for _, v := range a.counts {
			args = append(args, v)
		}
	}
	if a.wallMetric != "" {
		args = append(args, strconv.Itoa(bucketOf(a.wall)), a.wall, strconv.Itoa(bucketOf(a.business)), a.business)
	}
	id := fmt.Sprintf("%s/%v/%v/%v/%s", d, a.k.operator != 0, a.k.team != 0, a.counts != nil, a.wallMetric)
	if text, ok := liveSliceSQL.Load(id); ok {
		return text.(string), args
	}
	text := a.buildSQL(d, shared)
	liveSliceSQL.Store(id, text)
	return text, args
}

func (a sliceAdd) buildSQL(d db.Dialect, shared int) string {
	var cols, values, sets []string
	if a.counts != nil {
		cols, sets = append(cols, sliceCounts...), append(sets, addCounts())
		for j := range sliceCounts {
			values = append(values, fmt.Sprintf("$%d", shared+j))
		}
		shared += len(sliceCounts)
	}
	if a.wallMetric != "" {
		cols = append(cols, a.wallMetric, a.busMetric)
		values = append(values, newBucket(d, shared, shared+1), newBucket(d, shared+2, shared+3))
		sets = append(sets, a.wallMetric+" = "+addToBucket(d, a.wallMetric, shared, shared+1),
			a.busMetric+" = "+addToBucket(d, a.busMetric, shared+2, shared+3))
	}
	var b strings.Builder
	b.WriteString("INSERT INTO report_slices (team_id, dim, val, day, " + strings.Join(cols, ", ") + ") VALUES ")
	teams := []string{"$1"}
	if a.k.team != 0 {
		teams = []string{"0", "$1"} // team 0 sorts first
	}
	rows := 0
	for _, team := range teams {
		param := 2
		for _, dim := range sliceDims {
			if _, ok := a.k.sliceVal(dim); !ok {
				continue
			}
			val := "''"
			if dim != "" {
				param++
				val = fmt.Sprintf("$%d", param)
			}
			if rows++; rows > 1 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "(%s, '%s', %s, $2, %s)", team, dim, val, strings.Join(values, ", "))
		}
	}
	b.WriteString(" ON CONFLICT (team_id, dim, val, day) DO UPDATE SET " + strings.Join(sets, ", "))
	return b.String()
}

func addCounts() string {
	sets := make([]string, len(sliceCounts))
	for i, c := range sliceCounts {
		sets[i] = fmt.Sprintf("%s = report_slices.%s + excluded.%s", c, c, c)
	}
	return strings.Join(sets, ", ")
}

// newBucket is a histogram of one duration: bucket $b (text), seconds $s.
func newBucket(d db.Dialect, b, s int) string {
	if d == db.Postgres {
		return fmt.Sprintf("jsonb_build_object($%d::text, jsonb_build_array(1, $%d::bigint))", b, s)
	}
	return fmt.Sprintf("json_object($%d, json_array(1, $%d))", b, s)
}

// addToBucket adds one duration of $s seconds to bucket $b of col.
func addToBucket(d db.Dialect, col string, b, s int) string {
	h := "report_slices." + col
	if d == db.Postgres {
		return fmt.Sprintf("jsonb_set(coalesce(%[1]s, '{}'), ARRAY[$%[2]d::text], jsonb_build_array("+
			"coalesce((%[1]s->$%[2]d::text->>0)::bigint, 0) + 1, coalesce((%[1]s->$%[2]d::text->>1)::bigint, 0) + $%[3]d::bigint))",
			h, b, s)
	}
	path := fmt.Sprintf(`'$."' || $%d || '"'`, b)
	return fmt.Sprintf("json_set(coalesce(%[1]s, '{}'), %[2]s, json_array("+
		"coalesce(json_extract(%[1]s, %[2]s || '[0]'), 0) + 1, coalesce(json_extract(%[1]s, %[2]s || '[1]'), 0) + $%[3]d))",
		h, path, s)
}

// slicesCount adds c to the slice rows of a fact under k on day.
func (w *writer) slicesCount(k key, day string, c counts) error {
	v := countValues(c)
	return w.out.slice(w.ctx, sliceAdd{k: k, day: day, counts: &v})
}

// slicesDuration adds d to the slice rows' histograms of the two metrics.
func (w *writer) slicesDuration(k key, day string, d timed, wallMetric, businessMetric string) error {
	return w.out.slice(w.ctx, sliceAdd{k: k, day: day, wallMetric: wallMetric, busMetric: businessMetric,
		wall: d.wall, business: d.business})
}

// slice holds a for flush, a fact's counts held back until its duration
// (a close's resolution, a first response) joins them in one statement.
func (s *txSink) slice(ctx context.Context, a sliceAdd) error {
	if p := s.pending; p != nil && p.wallMetric == "" && a.counts == nil && p.k == a.k && p.day == a.day {
		p.wallMetric, p.busMetric, p.wall, p.business = a.wallMetric, a.busMetric, a.wall, a.business
		s.hold()
		return nil
	}
	s.hold()
	if a.counts != nil {
		s.pending = &a
		return nil
	}
	s.slices = append(s.slices, a)
	return nil
}

// flush writes the rows held (sink.go), the counts held back among them.
func (s *txSink) flush(ctx context.Context) error {
	s.hold()
	return s.writeHeld(ctx)
}

// hold moves the counts held back, if any, to the slice rows to write.
func (s *txSink) hold() {
	if p := s.pending; p != nil {
		s.pending = nil
		s.slices = append(s.slices, *p)
	}
}

// writeSlices writes the fact's slice statements ordered by day: each
// first locks its day's row of every team and no filter, so a writer
// takes a day's rows only once it holds that one, and the days in order.
func (s *txSink) writeSlices(ctx context.Context) error {
	slices.SortStableFunc(s.slices, func(a, b sliceAdd) int { return strings.Compare(a.day, b.day) })
	for _, a := range s.slices {
		text, args := a.statement(s.tx.Dialect)
		if _, err := s.tx.ExecContext(ctx, text, args...); err != nil {
			return fmt.Errorf("report_slices: %w", err)
		}
	}
	s.slices = nil
	return nil
}
