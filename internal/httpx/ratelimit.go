package httpx

import (
	"context"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"
)

// Limiter bounds attempts per key (a client address, an email): each key
// may spend a burst at once and earns attempts back evenly over a window.
// MemoryLimiter counts in one process (SQLite: one node); SharedLimiter
// counts in PostgreSQL, so every node spends the same budget.
type Limiter interface {
	// Allow spends one attempt of key and reports whether it had one
	// left; a refused attempt costs nothing.
	Allow(ctx context.Context, key string) bool
	// Refund gives back the attempt Allow spent, for outcomes that should
	// not count (a successful sign-in: only failures are limited).
	Refund(ctx context.Context, key string)
}

// Limits makes the limiter called name: one per purpose, chosen by engine
// in app wiring.
type Limits func(name string, burst int, per time.Duration) Limiter

// MemoryLimits makes in-memory limiters.
func MemoryLimits(_ string, burst int, per time.Duration) Limiter { return NewLimiter(burst, per) }

// MemoryLimiter is an in-memory token bucket per key. State is per
// process; on several nodes use SharedLimiter.
type MemoryLimiter struct {
	Burst int
	Per   time.Duration
	Now   func() time.Time // nil: time.Now

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

// maxKeys triggers a sweep of refilled buckets, so a flood of distinct
// keys cannot grow the map without bound.
const maxKeys = 10_000

// NewLimiter allows burst attempts per key, refilled over per.
func NewLimiter(burst int, per time.Duration) *MemoryLimiter {
	return &MemoryLimiter{Burst: burst, Per: per}
}

func (l *MemoryLimiter) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

// Allow spends one attempt of key and reports whether it had one left.
func (l *MemoryLimiter) Allow(_ context.Context, key string) bool {
	key = clientKey(key)
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if l.buckets == nil {
		l.buckets = map[string]*bucket{}
	}
	if len(l.buckets) > maxKeys {
		l.sweep(now)
	}
	b := l.refill(key, now)
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// Refund gives back the attempt Allow spent.
func (l *MemoryLimiter) Refund(_ context.Context, key string) {
	key = clientKey(key)
	l.mu.Lock()
	defer l.mu.Unlock()
	if b, ok := l.buckets[key]; ok {
		b.tokens = min(float64(l.Burst), b.tokens+1)
	}
}

// refill returns k's bucket with what it earned since it was last seen.
func (l *MemoryLimiter) refill(k string, now time.Time) *bucket {
	b, ok := l.buckets[k]
	if !ok {
		b = &bucket{tokens: float64(l.Burst), at: now}
		l.buckets[k] = b
	}
	rate := float64(l.Burst) / l.Per.Seconds()
	b.tokens = min(float64(l.Burst), b.tokens+now.Sub(b.at).Seconds()*rate)
	b.at = now
	return b
}

// sweep forgets buckets that are full again: they hold no information.
func (l *MemoryLimiter) sweep(now time.Time) {
	for k := range l.buckets {
		if l.refill(k, now).tokens >= float64(l.Burst) {
			delete(l.buckets, k)
		}
	}
}

// clientKey puts every address of an IPv6 /64 in one bucket: a /64 is
// what one home, office or server is given, so by single address a client
// could rotate through 2^64 fresh budgets. IPv4 (also IPv4-mapped) and
// keys that are not addresses (emails, ticket ids) stay as they are.
func clientKey(key string) string {
	a, err := netip.ParseAddr(key)
	if err != nil || !a.Is6() || a.Is4In6() {
		return key
	}
	p, _ := a.Prefix(64) // drops a zone; 64 is always in range for IPv6
	return p.String()
}

// TooMany refuses a request over a rate limit: 429 with Retry-After, so
// programs and people know when to come back.
func TooMany(w http.ResponseWriter, retry time.Duration, message string) error {
	w.Header().Set("Retry-After", strconv.Itoa(max(1, int(retry.Seconds()))))
	return NewError(http.StatusTooManyRequests, "rate_limited", message)
}
