package httpx_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// Two nodes (two connection pools on one PostgreSQL database) spend the
// same budget: a guesser spreading requests over the nodes behind a load
// balancer gets no more attempts than against one.
func TestSharedLimiterSpansNodes(t *testing.T) {
	d := testutil.NewPostgres(t)
	ctx := context.Background()
	a := httpx.SharedLimits(d)("token_guesses", 3, time.Hour)
	b := httpx.SharedLimits(testutil.SecondNode(t, d))("token_guesses", 3, time.Hour)
	steps := []struct {
		name string
		node httpx.Limiter
		key  string
		want bool
	}{
		{"first on a", a, "203.0.113.9", true},
		{"second on b", b, "203.0.113.9", true},
		{"third on a", a, "203.0.113.9", true},
		{"fourth on b is refused", b, "203.0.113.9", false},
		{"and on a", a, "203.0.113.9", false},
		{"another address has its own", b, "198.51.100.7", true},
	}
	for _, st := range steps {
		if got := st.node.Allow(ctx, st.key); got != st.want {
			t.Fatalf("%s: Allow = %v, want %v", st.name, got, st.want)
		}
	}
	b.Refund(ctx, "203.0.113.9")
	if !a.Allow(ctx, "203.0.113.9") {
		t.Fatal("an attempt refunded on b was not available on a")
	}
	if a.Allow(ctx, "203.0.113.9") {
		t.Fatal("a refund gave back more than one attempt")
	}
}

// Attempts racing on both nodes cannot both take the last one.
func TestSharedLimiterUnderRace(t *testing.T) {
	d := testutil.NewPostgres(t)
	nodes := []httpx.Limiter{httpx.SharedLimits(d)("race", 5, time.Hour),
		httpx.SharedLimits(testutil.SecondNode(t, d))("race", 5, time.Hour)}
	var allowed atomic.Int32
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if nodes[i%2].Allow(context.Background(), "198.51.100.1") {
				allowed.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := allowed.Load(); n != 5 {
		t.Fatalf("%d of 40 racing attempts allowed with a burst of 5", n)
	}
}

// Buckets untouched for a window are full again and are deleted, so a
// flood of distinct addresses does not grow the table for good.
func TestSharedLimiterSweepsStaleBuckets(t *testing.T) {
	d := testutil.NewPostgres(t)
	ctx := context.Background()
	first := httpx.SharedLimits(d)("sweep", 2, time.Minute)
	first.Allow(ctx, "198.51.100.1")
	first.Allow(ctx, "198.51.100.1")
	first.Allow(ctx, "198.51.100.2")
	if _, err := d.Write.Exec(`UPDATE rate_limits SET at = at - interval '2 minutes' WHERE key = '198.51.100.1'`); err != nil {
		t.Fatal(err)
	}
	later := httpx.SharedLimits(d)("sweep", 2, time.Minute) // a node starting now sweeps first
	if !later.Allow(ctx, "198.51.100.3") {
		t.Fatal("a new address was refused")
	}
	var keys []string
	rows, err := d.Read.Query(`SELECT key FROM rate_limits WHERE name = 'sweep' ORDER BY key`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		_ = rows.Scan(&k)
		keys = append(keys, k)
	}
	if len(keys) != 2 || keys[0] != "198.51.100.2" || keys[1] != "198.51.100.3" {
		t.Errorf("buckets after the sweep: %v; want the stale one gone and the others kept", keys)
	}
	if !later.Allow(ctx, "198.51.100.1") || !later.Allow(ctx, "198.51.100.1") {
		t.Error("an address whose bucket was swept did not start full")
	}
}

// An IPv6 client owns its /64: every address in it spends one budget, in
// memory and in PostgreSQL alike; IPv4-mapped addresses stay per address.
func TestIPv6ClientsSpendTheirSlash64sBudget(t *testing.T) {
	limiters := map[string]func(t *testing.T) httpx.Limiter{
		"memory": func(*testing.T) httpx.Limiter { return httpx.NewLimiter(1, time.Hour) },
		"shared": func(t *testing.T) httpx.Limiter {
			return httpx.SharedLimits(testutil.NewPostgres(t))("token_guesses", 1, time.Hour)
		},
	}
	steps := []struct {
		name, key string
		want      bool
	}{
		{"first address of a /64", "2001:db8:1:2::1", true},
		{"another address of the same /64", "2001:db8:1:2:aaaa:bbbb:cccc:dddd", false},
		{"the same /64 with a zone", "2001:db8:1:2::7%eth0", false},
		{"the next /64 has its own", "2001:db8:1:3::1", true},
		{"an IPv4-mapped address", "::ffff:203.0.113.1", true},
		{"is its own, not its /64's", "::ffff:203.0.113.2", true},
		{"an email is a key as written", "kim@example.com", true},
	}
	for name, limiter := range limiters {
		t.Run(name, func(t *testing.T) {
			l := limiter(t)
			for _, st := range steps {
				if got := l.Allow(context.Background(), st.key); got != st.want {
					t.Errorf("%s: Allow(%q) = %v, want %v", st.name, st.key, got, st.want)
				}
			}
			l.Refund(context.Background(), "2001:db8:1:2::ffff")
			if !l.Allow(context.Background(), "2001:db8:1:2::2") {
				t.Error("a refund to one address of the /64 did not reach the others")
			}
		})
	}
}
