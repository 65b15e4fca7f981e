package report

import (
	"context"
	"math"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/db"
)

// bump appends the event of kind under key k and adds c to its day's
// roll-up row. An empty counts (a rekey that moved nothing) writes
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
	if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO report_events (ticket_id, kind, at, day, team_id, channel,
		priority, operator_id, wall_s, business_s, sla) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		w.ticketID, kind, w.at, day, k.team, k.channel, k.priority, k.operator, wall, business, sla); err != nil {
		return err
	}
	_, err = w.tx.ExecContext(w.ctx, bumpSQL, day, k.team, k.channel, k.priority, k.operator,
		c.created, c.closed, c.reopened, c.movedIn, c.movedOut, c.assigned, c.answers, c.firstResponses,
		c.openDelta, c.slaMet, c.slaDue)
	return err
}

const bumpSQL = `INSERT INTO report_days (day, team_id, channel, priority, operator_id, created, closed, reopened,
	moved_in, moved_out, assigned, answers, first_responses, open_delta, sla_met, sla_due)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
	ON CONFLICT (day, team_id, channel, priority, operator_id) DO UPDATE SET
	created = report_days.created + excluded.created, closed = report_days.closed + excluded.closed,
	reopened = report_days.reopened + excluded.reopened, moved_in = report_days.moved_in + excluded.moved_in,
	moved_out = report_days.moved_out + excluded.moved_out, assigned = report_days.assigned + excluded.assigned,
	answers = report_days.answers + excluded.answers,
	first_responses = report_days.first_responses + excluded.first_responses,
	open_delta = report_days.open_delta + excluded.open_delta, sla_met = report_days.sla_met + excluded.sla_met,
	sla_due = report_days.sla_due + excluded.sla_due`

// durations adds d to the day's histograms of the wall and business
// metrics under key k.
func (w *writer) durations(k key, d timed, wallMetric, businessMetric string) error {
	day, err := w.day(k.team)
	if err != nil {
		return err
	}
	for _, m := range []struct {
		name string
		s    int64
	}{{wallMetric, d.wall}, {businessMetric, d.business}} {
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO report_durations (day, team_id, channel, priority,
			operator_id, metric, bucket, n, total_s) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8)
			ON CONFLICT (day, team_id, channel, priority, operator_id, metric, bucket) DO UPDATE SET
			n = report_durations.n + 1, total_s = report_durations.total_s + excluded.total_s`,
			day, k.team, k.channel, k.priority, k.operator, m.name, bucketOf(m.s), m.s); err != nil {
			return err
		}
	}
	return nil
}

// bucketOf is the log-scale histogram bucket of s seconds: about 5% wide,
// so a year fits in some 350 buckets.
// BucketOf is bucketOf, for benchmarks that write synthetic roll-ups.
func BucketOf(s int64) int { return bucketOf(s) }

func bucketOf(s int64) int {
	if s <= 0 {
		return 0
	}
	return int(math.Log1p(float64(s)) / math.Log(1.05))
}

// day is the local date of the fact in the zone of team's calendar (UTC
// when the team has none), as YYYY-MM-DD.
func (w *writer) day(team int64) (string, error) {
	loc, ok := w.zones[team]
	if !ok {
		var err error
		if loc, err = teamZone(w.ctx, w.tx, team); err != nil {
			return "", err
		}
		if w.zones == nil {
			w.zones = map[int64]*time.Location{}
		}
		w.zones[team] = loc
	}
	return w.at.In(loc).Format(time.DateOnly), nil
}

func teamZone(ctx context.Context, q db.Querier, team int64) (*time.Location, error) {
	var zone string
	err := q.QueryRowContext(ctx, `SELECT COALESCE(c.time_zone, '') FROM teams tm
		LEFT JOIN calendars c ON c.id = tm.calendar_id WHERE tm.id = $1`, team).Scan(&zone)
	if err != nil || zone == "" {
		return time.UTC, err
	}
	loc, err := calendar.Location(zone)
	if err != nil {
		return time.UTC, nil
	}
	return loc, nil
}
