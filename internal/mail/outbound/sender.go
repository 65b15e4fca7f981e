package outbound

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/blob"
	"github.com/frontdesk/frontdesk/internal/db"
)

// Sender delivers due outbox rows to the relay. All its state is in the
// database, so it picks up where it stopped after a restart; several
// nodes may run one each (PostgreSQL claims rows with SKIP LOCKED).
type Sender struct {
	DB    *db.DB
	Blobs *blob.Store
	Relay *Relay // nil: mail waits in the outbox
	Log   *slog.Logger
	// Poll is how often the outbox is checked (0: 2s); Retry the first
	// wait after a failure, doubled each time up to MaxWait (0: 1 min and
	// 2 h); GiveUp how long a mail is tried at all (0: 24 h); Lease how long
	// a claimed row is left to its sender before another may take it
	// (0: 10 min, longer than the relay timeout).
	Poll, Retry, MaxWait, GiveUp, Lease time.Duration
	Batch                               int // rows claimed at once (0: 20)
}

func orDefault(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// Run sends until ctx ends. Without a relay it says so once and waits.
func (s *Sender) Run(ctx context.Context) {
	if s.Relay == nil {
		s.Log.Warn("no SMTP relay configured (FRONTDESK_SMTP_RELAY): outbound mail waits in the outbox until one is set")
		<-ctx.Done()
		return
	}
	s.Log.Info("sending outbound mail", "relay", s.Relay.String())
	tick := time.NewTicker(orDefault(s.Poll, 2*time.Second))
	defer tick.Stop()
	for {
		for {
			n, err := s.SendDue(ctx)
			if err != nil && ctx.Err() == nil {
				s.Log.Error("outbox", "err", err)
			}
			if err != nil || n < s.batch() {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func (s *Sender) batch() int {
	if s.Batch > 0 {
		return s.Batch
	}
	return 20
}

// SendDue claims the rows that are due and tries each once. It returns
// how many it claimed.
func (s *Sender) SendDue(ctx context.Context) (int, error) {
	ids, err := s.claim(ctx)
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if ctx.Err() != nil {
			// Left 'sending': the lease runs out and the row is due again.
			return len(ids), ctx.Err()
		}
		if err := s.sendOne(ctx, id); err != nil {
			return len(ids), err
		}
	}
	return len(ids), nil
}

// claim marks due rows 'sending' until their lease ends. A row whose
// sender died mid-way is 'sending' with an expired lease: due again.
func (s *Sender) claim(ctx context.Context) ([]int64, error) {
	lock := ""
	if s.DB.Dialect == db.Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	now := db.Now()
	var ids []int64
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		ids = ids[:0]
		rows, err := tx.QueryContext(ctx, `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1,
			next_attempt_at = $1 WHERE id IN (SELECT id FROM mail_outbox WHERE status IN ('queued', 'sending')
			AND next_attempt_at <= $2 ORDER BY next_attempt_at, id LIMIT $3`+lock+`) RETURNING id`,
			now.Add(orDefault(s.Lease, 10*time.Minute)), now, s.batch())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	return ids, err
}

func (s *Sender) sendOne(ctx context.Context, id int64) error {
	m, err := scanMail(s.DB.Read.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM mail_outbox WHERE id = $1`, id))
	if err != nil {
		return err
	}
	if stale, err := s.staleClosedNotice(ctx, m); err != nil || stale {
		return err
	}
	refused, err := s.deliver(ctx, m)
	if err != nil {
		return s.failed(ctx, m, err)
	}
	note := ""
	if len(refused) > 0 {
		note = "the relay refused " + strings.Join(refused, ", ")
	}
	_, err = s.DB.Write.ExecContext(ctx, `UPDATE mail_outbox SET status = 'sent', sent_at = $2, last_error = $3
		WHERE id = $1 AND status = 'sending'`, id, db.Now(), note)
	return err
}

// staleClosedNotice drops a "ticket closed" mail whose ticket was reopened
// before it went out (the customer answered, say): telling them it is
// closed would be wrong by then.
func (s *Sender) staleClosedNotice(ctx context.Context, m Mail) (bool, error) {
	if m.Kind != Closed {
		return false, nil
	}
	var open bool
	if err := s.DB.Read.QueryRowContext(ctx, `SELECT is_open FROM tickets WHERE id = $1`, m.TicketID).Scan(&open); err != nil || !open {
		return false, err
	}
	_, err := s.DB.Write.ExecContext(ctx, `UPDATE mail_outbox SET status = 'suppressed', last_error = $2
		WHERE id = $1 AND status = 'sending'`, m.ID, "the ticket was reopened before this mail went out")
	return true, err
}

// deliver builds the mail and hands it to the relay.
func (s *Sender) deliver(ctx context.Context, m Mail) ([]string, error) {
	raw, err := Build(m, s.Blobs.ReadAll)
	if err != nil {
		return nil, fmt.Errorf("build the mail: %w", err)
	}
	rcpts := []string{m.To.Email}
	for _, c := range m.Cc {
		rcpts = append(rcpts, c.Email)
	}
	return s.Relay.Send(ctx, m.From.Email, rcpts, raw)
}

// failed schedules the next attempt, doubling the wait, or gives up after
// a permanent refusal or once the mail has been tried for GiveUp.
func (s *Sender) failed(ctx context.Context, m Mail, cause error) error {
	if ctx.Err() != nil {
		return ctx.Err() // shutting down: the lease brings the row back
	}
	wait := orDefault(s.Retry, time.Minute)
	for i := 1; i < m.Attempts && wait < orDefault(s.MaxWait, 2*time.Hour); i++ {
		wait *= 2
	}
	wait = min(wait, orDefault(s.MaxWait, 2*time.Hour))
	now := db.Now()
	status := Queued
	if permanent(cause) || now.Add(wait).Sub(m.CreatedAt) > orDefault(s.GiveUp, 24*time.Hour) {
		status = Failed
	}
	s.Log.Warn("outbound mail not sent", "mail", m.ID, "ticket", m.TicketID, "to", m.To.Email,
		"attempt", m.Attempts, "status", status, "err", cause)
	_, err := s.DB.Write.ExecContext(ctx, `UPDATE mail_outbox SET status = $2, next_attempt_at = $3, last_error = $4
		WHERE id = $1 AND status = 'sending'`, m.ID, status, now.Add(wait), cause.Error())
	return err
}
