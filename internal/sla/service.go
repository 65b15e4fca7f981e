package sla

import (
	"context"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/jobs"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Publisher tells the rest of the system about a ticket, after commit
// (ids only): sla.warning and sla.breached.
type Publisher interface {
	Publish(kind string, ticketID int64)
}

// Service keeps SLA policies and the SLA state of tickets.
type Service struct {
	DB  *db.DB
	Bus Publisher // optional
	// Webhooks, optional, queues sla_warning and sla_breached deliveries
	// in the transaction that writes the warning or breach.
	Webhooks interface {
		TicketEvent(ctx context.Context, tx *db.Tx, event string, ticketID int64, change map[string]any) error
	}
	// Now is the clock; nil is time.Now. Tests move it.
	Now func() time.Time
	// Automations hear of each new warning and breach inside its
	// transaction (optional; internal/automation).
	Automations ticket.Automator

	cache snapshotCache
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return db.Norm(s.Now())
	}
	return db.Now()
}

// List returns every policy in the order they are tried.
func (s *Service) List(ctx context.Context) ([]Record, error) { return list(ctx, s.DB.Read) }

// Get returns policy id.
func (s *Service) Get(ctx context.Context, id int64) (Record, error) { return get(ctx, s.DB.Read, id) }

// Create checks in, stores it at its position and recomputes open
// tickets in the background.
func (s *Service) Create(ctx context.Context, in Input) (Record, error) {
	var id int64
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		in, err := check(ctx, tx, in)
		if err != nil {
			return err
		}
		if id, err = insert(ctx, tx, in); err != nil {
			return err
		}
		return s.placed(ctx, tx, id, in.Position)
	})
	if err != nil {
		return Record{}, err
	}
	return s.Get(ctx, id)
}

// Update replaces policy id with in, checked whole.
func (s *Service) Update(ctx context.Context, id int64, in Input) (Record, error) {
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		cur, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		if in.Position == 0 {
			in.Position = cur.Position
		}
		if in, err = check(ctx, tx, in); err != nil {
			return err
		}
		if err := update(ctx, tx, id, in); err != nil {
			return err
		}
		return s.placed(ctx, tx, id, in.Position)
	})
	if err != nil {
		return Record{}, err
	}
	return s.Get(ctx, id)
}

// Move puts policy id at position pos (1 is tried first).
func (s *Service) Move(ctx context.Context, id int64, pos int) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := get(ctx, tx, id); err != nil {
			return err
		}
		return s.placed(ctx, tx, id, max(pos, 1))
	})
}

// Delete removes policy id; its tickets fall to the next policy that
// matches them, or to none, in the background recomputation.
func (s *Service) Delete(ctx context.Context, id int64) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sla_policies WHERE id = $1`, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return orNotFound(err)
		}
		return s.placed(ctx, tx, 0, 0)
	})
}

func orNotFound(err error) error {
	if err != nil {
		return err
	}
	return ErrNotFound
}

// placed renumbers the policies with id at pos (id 0: none moves) and
// queues the recomputation of open tickets, in the same transaction.
func (s *Service) placed(ctx context.Context, tx *db.Tx, id int64, pos int) error {
	if id != 0 {
		if err := place(ctx, tx, id, pos); err != nil {
			return err
		}
	} else if err := place(ctx, tx, -1, 0); err != nil {
		return err
	}
	return s.Changed(ctx, tx)
}

// Changed queues the recomputation of every open ticket: call it in the
// transaction that changes a policy, a calendar or a team's calendar.
func (s *Service) Changed(ctx context.Context, q db.Querier) error {
	s.cache.drop()
	return jobs.Enqueue(ctx, q, RecomputeJob, 0, db.Now())
}
