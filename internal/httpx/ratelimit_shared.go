package httpx

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// SharedLimiter keeps its buckets in PostgreSQL's rate_limits table, so
// every node spends from the same budget. One upsert refills, checks and
// spends a bucket under its row lock: two nodes cannot both take the last
// attempt, and a refused attempt changes nothing. Time is the server's,
// so the nodes' clocks need not agree.
type SharedLimiter struct {
	db    *db.DB
	name  string
	burst int
	per   time.Duration
	// local counts while the database cannot: a failing statement should
	// neither let every guess through nor lock every customer out.
	local *MemoryLimiter

	mu      sync.Mutex
	sweptAt time.Time
}

// SharedLimits makes limiters over d's rate_limits table.
func SharedLimits(d *db.DB) Limits {
	return func(name string, burst int, per time.Duration) Limiter {
		return &SharedLimiter{db: d, name: name, burst: burst, per: per, local: NewLimiter(burst, per)}
	}
}

const spendSQL = `
INSERT INTO rate_limits AS r (name, key, tokens, at) VALUES ($1, $2, $3::float8 - 1, now())
ON CONFLICT (name, key) DO UPDATE
SET tokens = LEAST($3::float8, r.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - r.at)::float8) * $4::float8) - 1,
    at = GREATEST(r.at, now())
WHERE LEAST($3::float8, r.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - r.at)::float8) * $4::float8) >= 1
RETURNING tokens`

// Allow spends one attempt of key; no row back means none was left.
func (l *SharedLimiter) Allow(ctx context.Context, key string) bool {
	l.sweep(ctx)
	var left float64
	err := l.db.Write.QueryRowContext(ctx, spendSQL, l.name, bucketKey(key), l.burst,
		float64(l.burst)/l.per.Seconds()).Scan(&left)
	if err == nil {
		return true
	}
	if errors.Is(err, sql.ErrNoRows) {
		return false
	}
	return l.local.Allow(ctx, key)
}

// Refund gives one attempt back, never past the burst.
func (l *SharedLimiter) Refund(ctx context.Context, key string) {
	_, err := l.db.Write.ExecContext(ctx,
		`UPDATE rate_limits SET tokens = LEAST($3::float8, tokens + 1) WHERE name = $1 AND key = $2`,
		l.name, bucketKey(key), l.burst)
	if err != nil {
		l.local.Refund(ctx, key)
	}
}

// sweep deletes, once a window, the buckets untouched for a window: they
// are full again and hold no information.
func (l *SharedLimiter) sweep(ctx context.Context) {
	l.mu.Lock()
	due := time.Since(l.sweptAt) >= l.per
	if due {
		l.sweptAt = time.Now()
	}
	l.mu.Unlock()
	if due {
		_, _ = l.db.Write.ExecContext(ctx, `DELETE FROM rate_limits WHERE name = $1 AND at < now() - make_interval(secs => $2)`,
			l.name, l.per.Seconds())
	}
}

// bucketKey bounds a key's size: an email typed into the sign-in form
// may be long, and a hash of it counts just as well.
func bucketKey(key string) string {
	key = clientKey(key)
	if len(key) <= 128 {
		return key
	}
	sum := sha256.Sum256([]byte(key))
	return "sha256:" + hex.EncodeToString(sum[:])
}
