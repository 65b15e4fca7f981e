package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// The pair slices (channel_priority, channel_operator, priority_operator)
// came with migration 0073, which wrote none: the record writes them from
// then on, and FillPairs fills the days before, a day per transaction from
// the newest down, recomputing each day's pair rows from the full key.
// report_marks' 'pairs_from' is the first day from which they are
// complete: allPairs (no day) every day, noPairs none yet. A report reads the
// pairs only for a period from that day on (pairsCover).
const (
	allPairs = ""
	noPairs  = "9999-12-31"
)

// pairDims are the pair slices' dimensions.
var pairDims = []string{"channel_operator", "channel_priority", "priority_operator"}

func isPair(dim string) bool {
	return contains(pairDims, dim)
}

// pairsFrom is the first day from which the pair slices are complete.
func pairsFrom(ctx context.Context, q db.Querier) (string, error) {
	var day string
	err := q.QueryRowContext(ctx, `SELECT day FROM report_marks WHERE name = 'pairs_from'`).Scan(&day)
	if errors.Is(err, sql.ErrNoRows) {
		return allPairs, nil
	}
	return day, err
}

func setPairsFrom(ctx context.Context, q db.Querier, day string) error {
	_, err := q.ExecContext(ctx, `UPDATE report_marks SET day = $1 WHERE name = 'pairs_from'`, day)
	return err
}

// pairsCover says whether the pair slices hold every day from from on (a
// report reads the days after its period too, for the backlog).
func (s *Service) pairsCover(ctx context.Context, from string) (bool, error) {
	day, err := pairsFrom(ctx, s.DB.Read)
	return day <= from, err
}

// PairsComplete says whether the pair slices hold every day: a fill has
// nothing left to do.
func (s *Service) PairsComplete(ctx context.Context) (bool, error) {
	day, err := pairsFrom(ctx, s.DB.Read)
	return day == allPairs, err
}

// FillPairs fills the pair slices of the days before migration 0073, a
// day per transaction from the newest day with history down to the
// oldest, until they are complete or ctx ends; step, if not nil, hears
// each day filled and how long its transaction took. Nodes filling at once, or a rebuild meanwhile, never
// count twice: each step takes the next day below the mark under the
// mark's lock, and recomputes it whole. After each day it rests as long
// as the day took, so it holds the writer (SQLite's one, or PostgreSQL's
// lock on the slices) at most half the time: other writers, and other
// processes on a SQLite file, get their turn.
func (s *Service) FillPairs(ctx context.Context, step func(day string, took time.Duration)) error {
	for {
		start := time.Now()
		var day string
		err := s.DB.WithTx(ctx, func(tx *db.Tx) (err error) {
			day, err = fillNextDay(ctx, tx)
			return err
		})
		if err != nil || day == allPairs {
			return err
		}
		took := time.Since(start)
		if step != nil {
			step(day, took)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(took):
		}
	}
}

// fillNextDay recomputes the pair rows of the newest day with history
// below the mark and moves the mark to it; or, with none left, marks
// every day complete. It answers the day filled, allPairs when done.
//
// On PostgreSQL it first locks report_slices against writers (SHARE ROW
// EXCLUSIVE: the fill of another node waits too). A writer that wrote
// slice rows holds its row lock on the table until it commits, so the
// fill waits for it and then reads its full-key rows; one that has not
// written them yet waits for the fill's commit before it does, its
// full-key rows unseen by the fill, and then adds its increment to the
// rows the fill wrote. Every writer of report_days and report_durations
// writes the slices in the same transaction (the record, a rebuild's
// chunk), so each fact is counted once. On SQLite transactions run one
// at a time.
func fillNextDay(ctx context.Context, tx *db.Tx) (string, error) {
	if tx.Dialect == db.Postgres {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE report_slices IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return "", err
		}
	}
	mark, err := pairsFrom(ctx, tx)
	if err != nil || mark == allPairs {
		return allPairs, err
	}
	day, err := newestDayBelow(ctx, tx, mark)
	if err != nil {
		return "", err
	}
	if day == "" {
		return allPairs, setPairsFrom(ctx, tx, allPairs)
	}
	if err := fillDay(ctx, tx, day); err != nil {
		return "", err
	}
	return day, setPairsFrom(ctx, tx, day)
}

// newestDayBelow is the newest day before mark with rows of the full key
// ("" for none). Days without are complete: a fact written there since
// wrote its pair rows with it. Both tables' keys lead with the day.
func newestDayBelow(ctx context.Context, tx *db.Tx, mark string) (string, error) {
	newest := ""
	for _, table := range []string{"report_days", "report_durations"} {
		var day sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT MAX(day) FROM `+table+` WHERE day < $1`, mark).Scan(&day); err != nil {
			return "", err
		}
		newest = max(newest, day.String)
	}
	return newest, nil
}

// fillDay writes day's pair rows whole, summed from its full-key rows of
// report_days and report_durations. Every pair row of the day has a key
// among them (whatever wrote a pair row wrote its full-key row, and only a
// rebuild deletes those, with the slices), so overwriting those keys
// replaces the day's pair rows.
func fillDay(ctx context.Context, tx *db.Tx, day string) error {
	p := pairSums{day: day, rows: map[sliceKey]*sliceSum{}, keys: map[key][]*sliceSum{}}
	if err := p.sumCounts(ctx, tx); err != nil {
		return err
	}
	if err := p.sumDurations(ctx, tx); err != nil {
		return err
	}
	return writeSliceRows(ctx, tx, p.rows, setSlice)
}

// pairSums are a day's pair rows summed, and per full key the rows it
// adds to (a key has many rows of durations, one per metric and bucket).
type pairSums struct {
	day  string
	rows map[sliceKey]*sliceSum
	keys map[key][]*sliceSum
}

// of is the pair rows a fact under k adds to.
func (p *pairSums) of(k key) []*sliceSum {
	if rows, ok := p.keys[k]; ok {
		return rows
	}
	var rows []*sliceSum
	for _, sk := range sliceKeys(k, p.day) {
		if !isPair(sk.dim) {
			continue
		}
		r := p.rows[sk]
		if r == nil {
			r = &sliceSum{}
			p.rows[sk] = r
		}
		rows = append(rows, r)
	}
	p.keys[k] = rows
	return rows
}

func (p *pairSums) sumCounts(ctx context.Context, tx *db.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT team_id, channel, priority, operator_id, created, closed, reopened,
		assigned, answers, open_delta, sla_met, sla_due FROM report_days WHERE day = $1`, p.day)
	if err != nil {
		return fmt.Errorf("report_days: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k key
		var c [8]int64
		if err := rows.Scan(&k.team, &k.channel, &k.priority, &k.operator,
			&c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6], &c[7]); err != nil {
			return err
		}
		// A row of zeros too: the record wrote none for it, but the pair
		// rows it shares may hold increments written since 0073 that
		// cancel out under the full key.
		for _, r := range p.of(k) {
			for i, v := range c {
				r.counts[i] += v
			}
		}
	}
	return rows.Err()
}

func (p *pairSums) sumDurations(ctx context.Context, tx *db.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT team_id, channel, priority, operator_id, metric, bucket, n, total_s
		FROM report_durations WHERE day = $1 AND metric IN ($2, $3, $4, $5)`,
		p.day, firstResponseWall, firstResponseBusiness, resolutionWall, resolutionBusiness)
	if err != nil {
		return fmt.Errorf("report_durations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k key
		var metric string
		var bucket int
		var n, total int64
		if err := rows.Scan(&k.team, &k.channel, &k.priority, &k.operator, &metric, &bucket, &n, &total); err != nil {
			return err
		}
		m := metricIndex(metric)
		for _, r := range p.of(k) {
			if r.hists[m] == nil {
				r.hists[m] = map[int]*bin{}
			}
			addBin(r.hists[m], bucket, n, total)
		}
	}
	return rows.Err()
}
