package auth

import (
	"context"
	"errors"
	"net"
	"sync"
	"time"
)

// Cache remembers TXT answers (SPF, DKIM keys, DMARC policies) for a few
// minutes, "no such name" included, so a burst of mail from the same
// domains costs one lookup per name instead of several per mail. A name
// whose lookup failed for the time being (a timeout, a dead name server) is
// remembered as failing for half a minute, so while DNS is down each name
// costs one timeout, not one per mail. The other lookups (SPF's rarer a,
// mx, ptr) go straight to the resolver.
type Cache struct {
	Resolver
	TTL time.Duration // 0: 5 min
	// FailTTL is how long a temporary failure is remembered (0: 30 s).
	FailTTL time.Duration
	Max     int // names kept; 0: 10,000 (then it starts over)

	mu      sync.Mutex
	entries map[string]cached
}

type cached struct {
	txt     []string
	err     error
	expires time.Time
}

// LookupTXT answers from the cache when it can.
func (c *Cache) LookupTXT(ctx context.Context, name string) ([]string, error) {
	now := time.Now()
	c.mu.Lock()
	e, ok := c.entries[name]
	c.mu.Unlock()
	if ok && now.Before(e.expires) {
		return e.txt, e.err
	}
	if err := ctx.Err(); err != nil {
		// This mail's time is up: that says nothing about the name.
		return nil, &net.DNSError{Err: err.Error(), Name: name, IsTimeout: true}
	}
	txt, err := c.Resolver.LookupTXT(ctx, name)
	ttl := orDuration(c.TTL, 5*time.Minute)
	var dnsErr *net.DNSError
	if err != nil && !(errors.As(err, &dnsErr) && dnsErr.IsNotFound) {
		ttl = orDuration(c.FailTTL, 30*time.Second)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= orInt(c.Max, 10_000) {
		c.entries = map[string]cached{}
	}
	c.entries[name] = cached{txt: txt, err: err, expires: now.Add(ttl)}
	return txt, err
}

func orInt(v, d int) int {
	if v > 0 {
		return v
	}
	return d
}

func orDuration(v, d time.Duration) time.Duration {
	if v > 0 {
		return v
	}
	return d
}
