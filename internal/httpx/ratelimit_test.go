package httpx

import (
	"context"
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	l := NewLimiter(3, 3*time.Minute) // one attempt back per minute
	l.Now = func() time.Time { return now }
	steps := []struct {
		name    string
		advance time.Duration
		key     string
		want    bool
	}{
		{"first", 0, "ip", true},
		{"second", 0, "ip", true},
		{"third", 0, "ip", true},
		{"burst spent", 0, "ip", false},
		{"another key has its own", 0, "other", true},
		{"half a minute is not enough", 30 * time.Second, "ip", false},
		{"a minute earns one back", 30 * time.Second, "ip", true},
		{"and only one", 0, "ip", false},
		{"a long wait refills to the burst, not past it", time.Hour, "ip", true},
		{"two", 0, "ip", true},
		{"three", 0, "ip", true},
		{"four is too many", 0, "ip", false},
	}
	for _, st := range steps {
		now = now.Add(st.advance)
		if got := l.Allow(context.Background(), st.key); got != st.want {
			t.Fatalf("%s: Allow(%q) = %v, want %v", st.name, st.key, got, st.want)
		}
	}
}

func TestLimiterSweepKeepsBusyKeys(t *testing.T) {
	ctx := context.Background()
	l := NewLimiter(1, time.Hour)
	l.Allow(ctx, "busy")
	for i := range maxKeys + 1 {
		l.Allow(ctx, string(rune('a'+i%26))+time.Duration(i).String())
	}
	if l.Allow(ctx, "busy") {
		t.Fatal("a sweep forgot a key that had spent its attempts")
	}
}

func TestRefundedAttemptsDoNotCount(t *testing.T) {
	ctx := context.Background()
	l := NewLimiter(2, time.Hour)
	for range 10 {
		if !l.Allow(ctx, "ada@example.com") {
			t.Fatal("refunded attempts were counted")
		}
		l.Refund(ctx, "ada@example.com")
	}
	l.Allow(ctx, "ada@example.com")
	l.Allow(ctx, "ada@example.com")
	if l.Allow(ctx, "ada@example.com") {
		t.Error("third unrefunded attempt allowed with a burst of 2")
	}
}
