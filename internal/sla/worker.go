package sla

import (
	"context"
	"log/slog"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/jobs"
)

// Batch is how many tickets one transaction recomputes: small enough
// that no transaction holds the writer long, large enough to spare
// commits.
const Batch = 500

// dueQuery finds tickets whose SLA state changes by now, on the partial
// index tickets_sla_check. On PostgreSQL the rows are locked and others
// skipped, so two nodes never take the same ticket; SQLite has one writer.
const dueQuery = `SELECT id FROM tickets WHERE sla_check_at <= $1 ORDER BY sla_check_at, id LIMIT $2`

// Tick recomputes up to Batch tickets whose stored next change has come
// (a warning starts, a due time passes, a status was moved in bulk),
// writes a history line for each new warning and breach, and publishes
// sla.warning and sla.breached once committed. It returns how many
// tickets it took.
func (s *Service) Tick(ctx context.Context) (int, error) {
	query := dueQuery
	if s.DB.Dialect == db.Postgres {
		query += ` FOR UPDATE SKIP LOCKED`
	}
	var out []published
	var n int
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		out, n = out[:0], 0
		ids, err := idList(ctx, tx, query, s.now(), Batch)
		if err != nil {
			return err
		}
		n = len(ids)
		return s.recomputeAll(ctx, tx, ids, &out)
	})
	if err == nil {
		for _, p := range out {
			s.publish(p.kind, p.id)
		}
	}
	return n, err
}

func (s *Service) publish(kind string, id int64) {
	if s.Bus != nil {
		s.Bus.Publish(kind, id)
	}
}

func (s *Service) recomputeAll(ctx context.Context, tx *db.Tx, ids []int64, out *[]published) error {
	snap, err := s.snapshot(ctx, tx)
	if err != nil {
		return err
	}
	rows, err := readBatch(ctx, tx, ids, snap)
	if err != nil {
		return err
	}
	for _, row := range rows {
		if err := s.recompute(ctx, tx, row, snap, time.Time{}, "policy settings changed", out); err != nil {
			return err
		}
	}
	return nil
}

func idList(ctx context.Context, q db.Querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// openBatch is the next batch of open tickets in id order. An open ticket
// has no closed_at; saying so lets SQLite walk tickets_closed_at (is_open,
// closed_at, id) from the last id instead of sorting every open ticket for
// each batch, which took most of a recomputation at 1M tickets.
const openBatch = `SELECT id FROM tickets WHERE is_open = TRUE AND closed_at IS NULL AND id > $1 ORDER BY id LIMIT $2`

// RecomputeOpen recomputes every open ticket, Batch tickets per
// transaction in id order, and returns how many: after a policy or a
// calendar changed. New warnings and breaches are left to Tick.
func (s *Service) RecomputeOpen(ctx context.Context) (int, error) {
	var after int64
	total := 0
	for {
		var ids []int64
		err := s.DB.WithTx(ctx, func(tx *db.Tx) (err error) {
			ids, err = idList(ctx, tx, openBatch, after, Batch)
			if err != nil {
				return err
			}
			return s.recomputeAll(ctx, tx, ids, nil)
		})
		if err != nil || len(ids) == 0 {
			return total, err
		}
		total += len(ids)
		after = ids[len(ids)-1]
	}
}

// Worker runs Tick every Every, sooner while it finds full batches, and
// the recomputation jobs queued by changes of policies and calendars.
type Worker struct {
	S     *Service
	Log   *slog.Logger
	Every time.Duration // 0: 15 seconds
}

// Run works until ctx ends.
func (w *Worker) Run(ctx context.Context) {
	every := w.Every
	if every == 0 {
		every = 15 * time.Second
	}
	jw := &jobs.Worker{DB: w.S.DB, Kind: RecomputeJob, Log: w.Log, Lease: 10 * time.Minute, Poll: every,
		Handle: func(ctx context.Context, j jobs.Job) error { _, err := w.S.RecomputeOpen(ctx); return err }}
	go jw.Run(ctx)
	for {
		n, err := w.S.Tick(ctx)
		if err != nil && ctx.Err() == nil {
			w.Log.Error("sla tick", "err", err)
		}
		wait := every
		if n == Batch {
			wait = 0
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}
