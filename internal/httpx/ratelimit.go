package httpx

import (
	"sync"
	"time"
)

// Limiter is an in-memory token bucket per key (a client IP, an email):
// each key may spend Burst attempts at once and earns them back evenly
// over Per. State is per process; on several nodes each node counts on
// its own, which still bounds guessing to nodes × Burst per window.
type Limiter struct {
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
func NewLimiter(burst int, per time.Duration) *Limiter {
	return &Limiter{Burst: burst, Per: per}
}

func (l *Limiter) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

// Allow spends one attempt of every key and reports whether all of them
// had one left. Keys are checked before any is spent, so a refused
// request costs nothing.
func (l *Limiter) Allow(keys ...string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if l.buckets == nil {
		l.buckets = map[string]*bucket{}
	}
	if len(l.buckets) > maxKeys {
		l.sweep(now)
	}
	for _, k := range keys {
		if l.refill(k, now).tokens < 1 {
			return false
		}
	}
	for _, k := range keys {
		l.buckets[k].tokens--
	}
	return true
}

// Refund gives back the attempt Allow spent, for outcomes that should not
// count (a successful sign-in: only failures are limited).
func (l *Limiter) Refund(keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		if b, ok := l.buckets[k]; ok {
			b.tokens = min(float64(l.Burst), b.tokens+1)
		}
	}
}

// refill returns k's bucket with what it earned since it was last seen.
func (l *Limiter) refill(k string, now time.Time) *bucket {
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
func (l *Limiter) sweep(now time.Time) {
	for k := range l.buckets {
		if l.refill(k, now).tokens >= float64(l.Burst) {
			delete(l.buckets, k)
		}
	}
}
