package report

import (
	"context"
	"math"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/db"
)

// The roll-up rows a fact adds to; sums (team 0: every team) beside the
// full key, see migration 0068, and slices (slices.go, migration 0071).
var (
	eventsUpsert = newAppend("report_events", "ticket_id", "kind", "at", "day", "team_id", "channel", "priority",
		"operator_id", "wall_s", "business_s", "sla")
	daysUpsert = newUpsert("report_days", 5, "day", "team_id", "channel", "priority", "operator_id", "created",
		"closed", "reopened", "moved_in", "moved_out", "assigned", "answers", "first_responses", "open_delta",
		"sla_met", "sla_due")
	durationsUpsert = newUpsert("report_durations", 7, "day", "team_id", "channel", "priority", "operator_id",
		"metric", "bucket", "n", "total_s")
	sumOpenUpsert     = newUpsert("report_sum_open", 4, "team_id", "channel", "priority", "operator_id", "open_now")
	opDurationsUpsert = newUpsert("report_sum_operator_durations", 6, "team_id", "metric", "span", "start",
		"operator_id", "bucket", "n", "total_s")
)

// bump appends the event of kind under key k and adds c to its day's
// roll-up rows. An empty counts (a rekey that moved nothing) writes
// nothing.
func (w *writer) bump(kind string, k key, c counts, d *timed, sla string) error {
	if c == (counts{}) && d == nil && kind != "answer" {
		return nil
	}
	day, err := w.day(k.team)
	if err != nil {
		return err
	}
	var wall, business *int64
	if d != nil {
		wall, business = &d.wall, &d.business
	}
	if err := w.out.add(w.ctx, eventsUpsert, w.ticketID, kind, w.at, day, k.team, k.channel, k.priority,
		k.operator, wall, business, sla); err != nil {
		return err
	}
	if err := w.out.add(w.ctx, daysUpsert, day, k.team, k.channel, k.priority, k.operator,
		c.created, c.closed, c.reopened, c.movedIn, c.movedOut, c.assigned, c.answers, c.firstResponses,
		c.openDelta, c.slaMet, c.slaDue); err != nil {
		return err
	}
	if c.created == 0 && c.closed == 0 && c.reopened == 0 && c.assigned == 0 && c.answers == 0 && c.openDelta == 0 &&
		c.slaDue == 0 {
		return nil // nothing the slices keep (a move of a closed ticket, a first response's own count)
	}
	if err := w.slicesCount(k, day, c); err != nil || c.openDelta == 0 {
		return err
	}
	return w.out.add(w.ctx, sumOpenUpsert, k.team, k.channel, k.priority, k.operator, c.openDelta,
		0, k.channel, k.priority, k.operator, c.openDelta)
}

// durations adds d to the day's histograms of the wall and business
// metrics under key k and to its slices (the team's and every team's).
func (w *writer) durations(k key, d timed, wallMetric, businessMetric string) error {
	day, err := w.day(k.team)
	if err != nil {
		return err
	}
	if err := w.slicesDuration(k, day, d, wallMetric, businessMetric); err != nil {
		return err
	}
	wb, bb := bucketOf(d.wall), bucketOf(d.business)
	return w.out.add(w.ctx, durationsUpsert,
		day, k.team, k.channel, k.priority, k.operator, wallMetric, wb, 1, d.wall,
		day, k.team, k.channel, k.priority, k.operator, businessMetric, bb, 1, d.business)
}

type metricValue struct {
	metric string
	s      int64
}

// addOperatorDurations adds durations to operator's histograms by day
// and by week, under team and (when it is one) every team (0): the chat
// waits (the operators' first responses are in their slices).
func addOperatorDurations(ctx context.Context, out sink, team, operator int64, day string, values []metricValue) error {
	week := mondayOf(day)
	teams := []int64{team}
	if team != 0 {
		teams = append(teams, 0)
	}
	var rows []any
	for _, t := range teams {
		for _, v := range values {
			b := bucketOf(v.s)
			rows = append(rows, t, v.metric, 1, day, operator, b, 1, v.s, t, v.metric, 7, week, operator, b, 1, v.s)
		}
	}
	return out.add(ctx, opDurationsUpsert, rows...)
}

// mondayOf is the Monday of day's week, as YYYY-MM-DD.
func mondayOf(day string) string {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)).Format(time.DateOnly)
}

// bucketOf is the log-scale histogram bucket of s seconds: about 5% wide,
// so a year fits in some 350 buckets.
func bucketOf(s int64) int {
	if s <= 0 {
		return 0
	}
	return int(math.Log1p(float64(s)) / math.Log(1.05))
}

// day is the local date of the fact in the zone of team's calendar (UTC
// when the team has none), as YYYY-MM-DD.
func (w *writer) day(team int64) (string, error) {
	loc, err := w.zone(team)
	if err != nil {
		return "", err
	}
	return w.at.In(loc).Format(time.DateOnly), nil
}

// zone is team's time zone, read once per recorder.
func (w *writer) zone(team int64) (*time.Location, error) {
	if loc, ok := w.zones[team]; ok {
		return loc, nil
	}
	loc, err := teamZone(w.ctx, w.tx, team)
	if err == nil {
		w.zones[team] = loc
	}
	return loc, err
}

func teamZone(ctx context.Context, q db.Querier, team int64) (*time.Location, error) {
	var zone string
	err := q.QueryRowContext(ctx, `SELECT COALESCE(c.time_zone, '') FROM teams tm
		LEFT JOIN calendars c ON c.id = tm.calendar_id WHERE tm.id = $1`, team).Scan(&zone)
	if err != nil {
		return time.UTC, err
	}
	return zoneOf(zone), nil
}

// zoneOf is the location of a calendar's zone name; UTC for none (or
// one this system does not know).
func zoneOf(zone string) *time.Location {
	if zone == "" {
		return time.UTC
	}
	loc, err := calendar.Location(zone)
	if err != nil {
		return time.UTC
	}
	return loc
}
