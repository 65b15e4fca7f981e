package operator

import (
	"sync"
	"time"
)

// tokenTTL bounds how long a token check is remembered. A revocation or
// deactivation on this node takes effect at once (the cache is cleared);
// on other nodes of a PostgreSQL cluster, within tokenTTL.
const tokenTTL = 10 * time.Second

// tokenCache spares API requests a database read each: busy integrations
// send many requests with the same token.
type tokenCache struct {
	mu      sync.Mutex
	entries map[string]cachedToken
}

type cachedToken struct {
	op      Operator
	expires time.Time
}

func (c *tokenCache) get(hash []byte, now time.Time) (Operator, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[string(hash)]
	if !ok || now.After(e.expires) {
		return Operator{}, false
	}
	return e.op, true
}

func (c *tokenCache) put(hash []byte, op Operator, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) > 10_000 {
		c.entries = map[string]cachedToken{}
	}
	c.entries[string(hash)] = cachedToken{op: op, expires: now.Add(tokenTTL)}
}

func (c *tokenCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = nil
}
