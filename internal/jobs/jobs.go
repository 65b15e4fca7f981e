// Package jobs is a durable job queue on the database. A job is a row:
// enqueued in the transaction that makes the work necessary, claimed by a
// worker for a lease (FOR UPDATE SKIP LOCKED on PostgreSQL, so several
// nodes share the work; SQLite's single writer serialises claims), deleted
// when done, and tried again with backoff when it fails. A worker that dies
// holding a job loses it when the lease runs out: handlers must be
// idempotent.
package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Job is one claimed unit of work: kind names the handler, RefID the row
// it works on.
type Job struct {
	ID        int64
	Kind      string
	RefID     int64
	Attempts  int // including the current one
	LastError string
}

// Enqueue adds a job due at at, inside the caller's transaction. A job of
// the same kind for the same row that is still waiting counts as this one.
func Enqueue(ctx context.Context, q db.Querier, kind string, refID int64, at time.Time) error {
	_, err := q.ExecContext(ctx, `INSERT INTO jobs (kind, ref_id, run_at, created_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT DO NOTHING`, kind, refID, db.Norm(at), db.Now())
	return err
}

// Done deletes a finished job, inside the transaction that did its work,
// so the work and the end of the job commit together.
func Done(ctx context.Context, q db.Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM jobs WHERE id = $1`, id)
	return err
}

const (
	claimSelect = `SELECT id FROM jobs WHERE kind = $1 AND run_at <= $2 ORDER BY run_at, id LIMIT $4`
	claimUpdate = `UPDATE jobs SET run_at = $3, attempts = attempts + 1, leased = TRUE WHERE id IN (%s)
		RETURNING id, kind, ref_id, attempts, last_error`
)

var (
	sqliteClaim   = fmt.Sprintf(claimUpdate, claimSelect)
	postgresClaim = fmt.Sprintf(claimUpdate, claimSelect+` FOR UPDATE SKIP LOCKED`)
)

// Claim takes the next due job of kind for lease; ok is false when none is due.
func Claim(ctx context.Context, d *db.DB, kind string, lease time.Duration) (job Job, ok bool, err error) {
	js, err := ClaimN(ctx, d, kind, lease, 1)
	if err != nil || len(js) == 0 {
		return Job{}, false, err
	}
	return js[0], true, nil
}

// ClaimN takes up to n due jobs of kind for lease, in one transaction:
// on SQLite's single writer a claim per job would cost a commit each.
func ClaimN(ctx context.Context, d *db.DB, kind string, lease time.Duration, n int) ([]Job, error) {
	query := sqliteClaim
	if d.Dialect == db.Postgres {
		query = postgresClaim
	}
	now := db.Now()
	var out []Job
	err := d.WithTx(ctx, func(tx *db.Tx) error {
		out = out[:0]
		rows, err := tx.QueryContext(ctx, query, kind, now, now.Add(lease), n)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var j Job
			if err := rows.Scan(&j.ID, &j.Kind, &j.RefID, &j.Attempts, &j.LastError); err != nil {
				return err
			}
			out = append(out, j)
		}
		return rows.Err()
	})
	return out, err
}

// Retry records a failed attempt and makes the job due again after delay.
func Retry(ctx context.Context, d *db.DB, id int64, delay time.Duration, cause error) error {
	return d.WithTx(ctx, func(tx *db.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE jobs SET run_at = $2, last_error = $3, leased = FALSE
			WHERE id = $1`,
			id, db.Now().Add(delay), cause.Error())
		return err
	})
}

// Backoff is the wait before attempt n+1: 5 s doubling, at most an hour.
func Backoff(attempts int) time.Duration {
	d := 5 * time.Second
	for i := 1; i < attempts && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// DoneFor deletes the job of kind for row ref, inside the transaction that
// did its work; a caller that ran the work itself (not through a worker)
// ends the job this way.
func DoneFor(ctx context.Context, q db.Querier, kind string, ref int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM jobs WHERE kind = $1 AND ref_id = $2`, kind, ref)
	return err
}

// ReleaseLeases makes every leased job due now. Only for a database that
// one process uses (SQLite): at its start, a lease can only be one its
// previous run held when it died.
func ReleaseLeases(ctx context.Context, d *db.DB) error {
	return d.WithTx(ctx, func(tx *db.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE jobs SET run_at = $1, leased = FALSE WHERE leased`, db.Now())
		return err
	})
}
