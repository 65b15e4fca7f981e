package webhook

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Sender posts due deliveries. Its state is all in the database, so it
// resumes after a restart, and several nodes may run one each (PostgreSQL
// claims rows with SKIP LOCKED), as the mail outbox's sender does.
type Sender struct {
	DB  *db.DB
	Log *slog.Logger
	// Client posts the deliveries; nil: one with a 10 s timeout that
	// follows no redirects (a redirect could lead the signed body
	// anywhere).
	Client *http.Client
	// Guard refuses addresses as the default client dials them (the
	// install itself, link-local; see Guard); nil refuses none.
	Guard *Guard
	// Retry is the wait after the first failure, doubled after each
	// further one (0: 30 s); Attempts how many tries a delivery gets
	// before it is failed (0: 8, about an hour in all); Poll how often
	// the table is checked (0: 2 s); Lease how long a claimed row is left
	// to its sender (0: 2 min).
	Retry, Poll, Lease time.Duration
	Attempts           int
	// Now is the clock; nil: the real one. Tests move it on.
	Now func() time.Time

	once sync.Once
	wake chan struct{}
}

func (s *Sender) init() {
	s.once.Do(func() {
		s.wake = make(chan struct{}, 1)
		if s.Client == nil {
			s.Client = &http.Client{Timeout: 10 * time.Second, Transport: s.transport(),
				CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		}
		if s.Now == nil {
			s.Now = db.Now
		}
		if s.Log == nil {
			s.Log = slog.Default()
		}
	})
}

// transport dials through the guard, and through no proxy: a proxy would
// connect on our behalf where the guard cannot see.
func (s *Sender) transport() *http.Transport {
	d := &net.Dialer{Timeout: 10 * time.Second}
	if s.Guard != nil {
		d.Control = s.Guard.Control
	}
	return &http.Transport{DialContext: d.DialContext, TLSHandshakeTimeout: 10 * time.Second,
		MaxIdleConnsPerHost: 2, IdleConnTimeout: 90 * time.Second}
}

// Wake makes an idle sender look for due deliveries now.
func (s *Sender) Wake() {
	s.init()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Retention is how long a finished delivery stays listed.
const Retention = 30 * 24 * time.Hour

// Prune deletes the sent and failed deliveries created before cutoff.
func (s *Sender) Prune(ctx context.Context, cutoff time.Time) error {
	_, err := s.DB.Write.ExecContext(ctx, `DELETE FROM webhook_deliveries WHERE created_at < $1
		AND status IN ('sent', 'failed')`, db.Norm(cutoff))
	return err
}

// Run sends until ctx ends, and prunes old deliveries once an hour.
func (s *Sender) Run(ctx context.Context) {
	s.init()
	tick := time.NewTicker(or(s.Poll, 2*time.Second))
	defer tick.Stop()
	var pruned time.Time
	for {
		if time.Since(pruned) > time.Hour {
			pruned = time.Now()
			if err := s.Prune(ctx, s.Now().Add(-Retention)); err != nil && ctx.Err() == nil {
				s.Log.Error("webhooks: prune", "err", err)
			}
		}
		for {
			n, err := s.SendDue(ctx)
			if err != nil && ctx.Err() == nil {
				s.Log.Error("webhooks", "err", err)
			}
			if err != nil || n < batch {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-s.wake:
		}
	}
}

const batch = 20

func or(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// SendDue claims the deliveries that are due and tries each once; it
// returns how many it claimed.
func (s *Sender) SendDue(ctx context.Context) (int, error) {
	s.init()
	ids, err := s.claim(ctx)
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if ctx.Err() != nil {
			return len(ids), ctx.Err() // left 'sending': due again when the lease ends
		}
		if err := s.sendOne(ctx, id); err != nil {
			return len(ids), err
		}
	}
	return len(ids), nil
}

// claim marks due rows 'sending' until their lease ends; a row whose
// sender died is 'sending' with an expired lease, and due again.
func (s *Sender) claim(ctx context.Context) ([]int64, error) {
	lock := ""
	if s.DB.Dialect == db.Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	now := db.Norm(s.Now())
	var ids []int64
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		ids, err = db.Int64s(ctx, tx, `UPDATE webhook_deliveries SET status = 'sending', attempts = attempts + 1,
			next_attempt_at = $1 WHERE id IN (SELECT id FROM webhook_deliveries WHERE status IN ('queued', 'sending')
			AND next_attempt_at <= $2 ORDER BY next_attempt_at, id LIMIT $3`+lock+`) RETURNING id`,
			now.Add(or(s.Lease, 2*time.Minute)), now, batch)
		return err
	})
	slices.Sort(ids) // RETURNING keeps no order; a receiver sees events as they happened
	return ids, err
}

func (s *Sender) sendOne(ctx context.Context, id int64) error {
	var url, secret, event, body string
	var attempts int
	err := s.DB.Read.QueryRowContext(ctx, `SELECT w.url, w.secret, d.event, d.body, d.attempts
		FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1`, id).
		Scan(&url, &secret, &event, &body, &attempts)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // its webhook was deleted since the claim, and the delivery with it
	}
	if err != nil {
		return err
	}
	code, postErr := s.post(ctx, id, url, secret, event, []byte(body))
	now := db.Norm(s.Now())
	if postErr == nil {
		_, err = s.DB.Write.ExecContext(ctx, `UPDATE webhook_deliveries SET status = 'sent', status_code = $2,
			last_error = '', attempted_at = $3 WHERE id = $1 AND status = 'sending'`, id, code, now)
		return err
	}
	status, next := Queued, now.Add(s.backoff(attempts))
	if attempts >= s.attempts() {
		status = Failed
	}
	_, err = s.DB.Write.ExecContext(ctx, `UPDATE webhook_deliveries SET status = $2, status_code = $3, last_error = $4,
		attempted_at = $5, next_attempt_at = $6 WHERE id = $1 AND status = 'sending'`,
		id, status, code, truncate(postErr.Error(), 500), now, next)
	return err
}

func (s *Sender) attempts() int {
	if s.Attempts > 0 {
		return s.Attempts
	}
	return 8
}

// backoff is the wait after the n-th failed attempt: Retry, doubled each
// time, at most 12 hours.
func (s *Sender) backoff(n int) time.Duration {
	d := or(s.Retry, 30*time.Second)
	for i := 1; i < n && d < 12*time.Hour; i++ {
		d *= 2
	}
	return min(d, 12*time.Hour)
}

// post sends one delivery, signed now; any answer but 2xx is a failure.
func (s *Sender) post(ctx context.Context, id int64, url, secret, event string, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Frontdesk-Webhooks/1")
	req.Header.Set(EventHeader, event)
	req.Header.Set(DeliveryHeader, strconv.FormatInt(id, 10))
	req.Header.Set(SignatureHeader, Sign(secret, s.Now(), body))
	res, err := s.Client.Do(req)
	if err != nil {
		var ue interface{ Unwrap() error }
		if errors.As(err, &ue) && ue.Unwrap() != nil {
			err = ue.Unwrap() // "Post <url>: " says nothing the list does not show
		}
		return 0, err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return res.StatusCode, fmt.Errorf("the receiver answered %s", res.Status)
	}
	return res.StatusCode, nil
}

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
