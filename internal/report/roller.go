package report

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// rollBatch is how many queued facts one roll sums: enough that a busy
// minute's facts, which fall on a few roll-up rows, are written once.
const rollBatch = 2000

// RollEvery is how often the background roller looks at the queue when
// it found it short of a batch (a full batch rolls again at once).
const RollEvery = 250 * time.Millisecond

// rollerLock names the one roller of an install on PostgreSQL (an
// advisory lock: "report" in ASCII).
const rollerLock = 0x7265706f7274

// Roll rolls up to rollBatch queued facts into the roll-ups and answers
// how many it rolled. One transaction takes the roller's lock, deletes
// the oldest queued rows and reads them back (DELETE … RETURNING, so
// exactly the rows it read), sums them in memory and writes each roll-up
// row once: a crash before the commit leaves the rows queued and the
// roll-ups as they were, and a row is rolled by the one transaction that
// deleted it, so nothing counts twice.
func (s *Service) Roll(ctx context.Context) (int, error) {
	var n int
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if err := lockRoller(ctx, tx); err != nil {
			return err
		}
		var err error
		n, err = rollTx(ctx, tx, rollBatch)
		return err
	})
	return n, err
}

// lockRoller makes tx the install's one roll-up writer until it ends.
// The roller, a rebuild and Synthesize take it first: on PostgreSQL two
// nodes' rollers then never double count nor wait on each other's rows
// crosswise. SQLite has one writer anyway.
func lockRoller(ctx context.Context, tx *db.Tx) error {
	if tx.Dialect != db.Postgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(rollerLock))
	return err
}

const takeQueued = `DELETE FROM report_queue WHERE id IN (SELECT id FROM report_queue ORDER BY id LIMIT $1)
	RETURNING body`

// rollTx rolls up to limit queued facts in tx, which holds the lock.
func rollTx(ctx context.Context, tx *db.Tx, limit int) (int, error) {
	rows, err := tx.QueryContext(ctx, takeQueued, limit)
	if err != nil {
		return 0, err
	}
	var bodies []string
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			rows.Close()
			return 0, err
		}
		bodies = append(bodies, body)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(bodies) == 0 {
		return 0, err
	}
	sums := newSumSink()
	for _, body := range bodies {
		if err := sumQueued(ctx, sums, body); err != nil {
			return 0, err
		}
	}
	return len(bodies), sums.flush(ctx, tx, nil)
}

// rollAll rolls every queued fact in tx (a rebuild's first step: what
// it keeps of the record then counts every fact committed before).
func rollAll(ctx context.Context, tx *db.Tx) error {
	if err := lockRoller(ctx, tx); err != nil {
		return err
	}
	for {
		n, err := rollTx(ctx, tx, rollBatch)
		if err != nil || n < rollBatch {
			return err
		}
	}
}

// CatchUp rolls every fact committed before it was called, so the report
// read next counts them all: each report reads through it. On an empty
// queue it costs one read of the queue's first key.
func (s *Service) CatchUp(ctx context.Context) error {
	var id int64
	err := s.DB.Read.QueryRowContext(ctx, `SELECT id FROM report_queue ORDER BY id LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	for {
		n, err := s.Roll(ctx)
		if err != nil || n < rollBatch {
			return err
		}
	}
}

// RunRoller rolls the queue in the background (frontdesk serve) until
// ctx ends: a full batch again at once, else every RollEvery. Errors go
// to logf; the rows stay queued and the next roll takes them.
func (s *Service) RunRoller(ctx context.Context, logf func(err error)) {
	t := time.NewTicker(RollEvery)
	defer t.Stop()
	for {
		n, err := s.Roll(ctx)
		if err != nil && ctx.Err() == nil {
			logf(err)
		}
		if n == rollBatch && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
