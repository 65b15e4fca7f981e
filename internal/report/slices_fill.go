package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Migration 0071 made the single-dimension slices (no filter, channel,
// priority, operator) and 0073 the pair slices (channel_priority,
// channel_operator, priority_operator) without writing any: the record
// writes them from then on, and FillSlices fills the days before, a day
// per transaction from the newest down, recomputing each day's rows of
// the incomplete groups from the full key (summing a year of it in the
// migrations held a large install's start-up for most of an hour).
// report_marks holds per group the first day from which its slices are
// complete: complete (no day) every day, noneYet none yet; a missing mark
// is complete (an install that ran 0071 when it still summed the history
// has none). A report reads a slice only for a period from its group's
// day on (sliceCovers).
const (
	complete = ""
	noneYet  = "9999-12-31"
)

// sliceGroup is one kind of slice filled apart: its mark's name and
// which dimensions it holds.
type sliceGroup struct {
	mark string
	has  func(dim string) bool
}

var (
	singleSlices = sliceGroup{"slices_from", func(dim string) bool { return !isPair(dim) }}
	pairSlices   = sliceGroup{"pairs_from", isPair}
	fillGroups   = []sliceGroup{singleSlices, pairSlices}
)

// pairDims are the pair slices' dimensions.
var pairDims = []string{"channel_operator", "channel_priority", "priority_operator"}

func isPair(dim string) bool {
	return contains(pairDims, dim)
}

func groupOf(dim string) sliceGroup {
	if isPair(dim) {
		return pairSlices
	}
	return singleSlices
}

// markOf is the first day from which g's slices are complete.
func markOf(ctx context.Context, q db.Querier, g sliceGroup) (string, error) {
	var day string
	err := q.QueryRowContext(ctx, `SELECT day FROM report_marks WHERE name = $1`, g.mark).Scan(&day)
	if errors.Is(err, sql.ErrNoRows) {
		return complete, nil
	}
	return day, err
}

func setMark(ctx context.Context, q db.Querier, g sliceGroup, day string) error {
	_, err := q.ExecContext(ctx, `UPDATE report_marks SET day = $1 WHERE name = $2`, day, g.mark)
	return err
}

// sliceCovers says whether the slices of dim hold every day from from on
// (a report reads the days after its period too, for the backlog).
func (s *Service) sliceCovers(ctx context.Context, dim, from string) (bool, error) {
	day, err := markOf(ctx, s.DB.Read, groupOf(dim))
	return day <= from, err
}

// SlicesComplete says whether every slice holds every day: a fill has
// nothing left to do.
func (s *Service) SlicesComplete(ctx context.Context) (bool, error) {
	for _, g := range fillGroups {
		day, err := markOf(ctx, s.DB.Read, g)
		if err != nil || day != complete {
			return false, err
		}
	}
	return true, nil
}

// FillSlices fills the slices of the days before migrations 0071 and
// 0073, a day per transaction from the newest day with history below the
// highest mark down to the oldest, until every group is complete or ctx
// ends; step, if not nil, hears each day filled and how long its
// transaction took. Nodes filling at once, or a rebuild meanwhile, never
// count twice: each step takes the next day below the marks under their
// lock, and recomputes each incomplete group of it whole. After each day
// it rests as long as the day took, so it holds the writer (SQLite's
// one, or PostgreSQL's lock on the slices) at most half the time: other
// writers, and other processes on a SQLite file, get their turn.
func (s *Service) FillSlices(ctx context.Context, step func(day string, took time.Duration)) error {
	for {
		start := time.Now()
		var day string
		err := s.DB.WithTx(ctx, func(tx *db.Tx) (err error) {
			day, err = fillNextDay(ctx, tx)
			return err
		})
		if err != nil || day == complete {
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

// fillNextDay recomputes the rows of the newest day with history below
// the highest mark, for each group whose mark is above the day, and
// moves those marks to it; or, with none left, marks every group
// complete. It answers the day filled, complete when done. (A group
// whose mark is at or below the day keeps it: the day is newest below
// the highest mark, so the days between a lower mark and it have no
// history, and a group it fills is complete down to it.)
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
	marks := map[string]string{}
	top := complete
	for _, g := range fillGroups {
		mark, err := markOf(ctx, tx, g)
		if err != nil {
			return "", err
		}
		marks[g.mark], top = mark, max(top, mark)
	}
	if top == complete {
		return complete, nil
	}
	day, err := newestDayBelow(ctx, tx, top)
	if err != nil {
		return "", err
	}
	var fill []sliceGroup
	for _, g := range fillGroups {
		if day == "" && marks[g.mark] != complete || day != "" && day < marks[g.mark] {
			fill = append(fill, g)
		}
	}
	if day != "" {
		if err := fillDay(ctx, tx, day, fill); err != nil {
			return "", err
		}
	}
	for _, g := range fill {
		if err := setMark(ctx, tx, g, day); err != nil {
			return "", err
		}
	}
	return day, nil
}

// newestDayBelow is the newest day before mark with rows of the full key
// ("" for none). Days without are complete: a fact written there since
// wrote its slice rows with it. Both tables' keys lead with the day.
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

// fillDay writes day's rows of groups whole, summed from its full-key
// rows of report_days and report_durations. Every slice row of the day
// has a key among them (whatever wrote a slice row wrote its full-key
// row, and only a rebuild deletes those, with the slices), so
// overwriting those keys replaces the day's rows of the groups.
func fillDay(ctx context.Context, tx *db.Tx, day string, groups []sliceGroup) error {
	p := daySums{day: day, groups: groups, rows: map[sliceKey]*sliceSum{}, keys: map[key][]*sliceSum{}}
	if err := p.sumCounts(ctx, tx); err != nil {
		return err
	}
	if err := p.sumDurations(ctx, tx); err != nil {
		return err
	}
	return writeSliceRows(ctx, tx, p.rows, setSlice)
}

// daySums are a day's slice rows of the groups filled summed, and per
// full key the rows it adds to (a key has many rows of durations, one per
// metric and bucket).
type daySums struct {
	day    string
	groups []sliceGroup
	rows   map[sliceKey]*sliceSum
	keys   map[key][]*sliceSum
}

// filled says whether the day's rows of dim are being filled.
func (p *daySums) filled(dim string) bool {
	for _, g := range p.groups {
		if g.has(dim) {
			return true
		}
	}
	return false
}

// of is the rows filled a fact under k adds to.
func (p *daySums) of(k key) []*sliceSum {
	if rows, ok := p.keys[k]; ok {
		return rows
	}
	var rows []*sliceSum
	for _, sk := range sliceKeys(k, p.day) {
		if !p.filled(sk.dim) {
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

func (p *daySums) sumCounts(ctx context.Context, tx *db.Tx) error {
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
		// A row of zeros too: the record wrote none for it, but the slice
		// rows it shares may hold increments written since the migration
		// that cancel out under the full key.
		for _, r := range p.of(k) {
			for i, v := range c {
				r.counts[i] += v
			}
		}
	}
	return rows.Err()
}

func (p *daySums) sumDurations(ctx context.Context, tx *db.Tx) error {
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
