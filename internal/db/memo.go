package db

import (
	"sync"
	"time"
)

// Memo remembers rows that nearly every request reads and that change
// rarely (teams, the first status of a pipeline), so the hot paths of
// ticket creation and mail intake do not read them again each time.
//
// A change made by this process takes effect at once: the service that
// wrote calls Forget after its commit, and a load that began before that
// call is not kept. Changes made by another node of a PostgreSQL cluster
// show within the time to live.
type Memo[K comparable, V any] struct {
	TTL     time.Duration // 0 means memoTTL
	mu      sync.Mutex
	gen     uint64
	entries map[K]memoEntry[V]
}

type memoEntry[V any] struct {
	v       V
	expires time.Time
}

// memoLimit bounds the entries kept; lookups by arbitrary keys (aliases
// of unknown recipients) must not grow the map without end.
const memoLimit = 4096

// memoTTL is how long a change on another node may take to show.
const memoTTL = 5 * time.Second

// Get returns the remembered value for key, or loads it. Errors are not
// remembered.
func (m *Memo[K, V]) Get(key K, load func() (V, error)) (V, error) {
	now := time.Now()
	m.mu.Lock()
	if e, ok := m.entries[key]; ok && now.Before(e.expires) {
		m.mu.Unlock()
		return e.v, nil
	}
	gen := m.gen
	m.mu.Unlock()
	v, err := load()
	if err != nil {
		return v, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.gen == gen {
		if m.entries == nil || len(m.entries) >= memoLimit {
			m.entries = map[K]memoEntry[V]{}
		}
		ttl := m.TTL
		if ttl == 0 {
			ttl = memoTTL
		}
		m.entries[key] = memoEntry[V]{v: v, expires: now.Add(ttl)}
	}
	return v, nil
}

// Forget drops every entry; call it after committing a change.
func (m *Memo[K, V]) Forget() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gen++
	m.entries = nil
}
