package report

import (
	"fmt"
	"strconv"
	"strings"
)

// Slices (report_slices, migration 0071) hold per (team, dimension, value,
// day) a day's counts and its duration histograms in one row: team 0 is
// every team, dim "" no filter, else "channel", "priority" or "operator"
// (operator 0, none, has no slice). A fact adds to the rows of its team
// and of team 0 for each dimension (fourteen rows, eight without an
// operator), summed by the roller with the other queued facts' (sumSink).

// sliceTagsUpsert adds a tag's creations and closes to its slices (dim
// 'tag', under the team and every team), for the tags breakdown: only
// counts, and no ticket report reads them.
var sliceTagsUpsert = newUpsert("report_slices", 4, "team_id", "dim", "val", "day", "created", "closed")

// sliceDims are the dimensions in their order in a fact's rows.
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

func addCounts() string {
	sets := make([]string, len(sliceCounts))
	for i, c := range sliceCounts {
		sets[i] = fmt.Sprintf("%s = report_slices.%s + excluded.%s", c, c, c)
	}
	return strings.Join(sets, ", ")
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
