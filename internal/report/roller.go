package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
	var aside []error
	for {
		var n int
		err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
			if err := lockRoller(ctx, tx); err != nil {
				return err
			}
			var err error
			n, err = rollTx(ctx, tx, rollBatch)
			return err
		})
		var bad *unreadableRow
		if !errors.As(err, &bad) {
			if err == nil && len(aside) > 0 {
				err = &SetAsideError{Rows: aside}
			}
			return n, err
		}
		if err := s.setAside(ctx, bad); err != nil {
			return 0, err
		}
		aside = append(aside, bad)
	}
}

// unreadableRow is a queued row the roller cannot read: only a bug writes
// one, and it must not stop every other fact's roll-up, nor be lost.
type unreadableRow struct {
	id  int64
	err error
}

func (u *unreadableRow) Error() string { return fmt.Sprintf("report_queue row %d: %v", u.id, u.err) }

// SetAsideError tells that a roll moved rows it could not read to
// report_queue_failed (kept with their error for a repair) and rolled the
// rest.
type SetAsideError struct{ Rows []error }

func (e *SetAsideError) Error() string {
	return fmt.Sprintf("%d unreadable queued facts set aside in report_queue_failed: %v", len(e.Rows), errors.Join(e.Rows...))
}

// setAside moves row bad from the queue to report_queue_failed.
func (s *Service) setAside(ctx context.Context, bad *unreadableRow) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if err := lockRoller(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO report_queue_failed (id, body, error, failed_at)
			SELECT id, body, $2, $3 FROM report_queue WHERE id = $1`, bad.id, bad.err.Error(), db.Norm(time.Now())); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM report_queue WHERE id = $1`, bad.id)
		return err
	})
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
	RETURNING id, body`

// rollTx rolls up to limit queued facts in tx, which holds the lock.
func rollTx(ctx context.Context, tx *db.Tx, limit int) (int, error) {
	rows, err := tx.QueryContext(ctx, takeQueued, limit)
	if err != nil {
		return 0, err
	}
	type row struct {
		id   int64
		body string
	}
	var taken []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.body); err != nil {
			rows.Close()
			return 0, err
		}
		taken = append(taken, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(taken) == 0 {
		return 0, err
	}
	sums := newSumSink()
	for _, r := range taken {
		if err := sumQueued(ctx, sums, r.body); err != nil {
			return 0, &unreadableRow{id: r.id, err: err}
		}
	}
	return len(taken), sums.flush(ctx, tx, nil)
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
		var aside *SetAsideError
		if errors.As(err, &aside) {
			err = nil // kept for a repair; the report counts every other fact
		}
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
