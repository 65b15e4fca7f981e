package httpx

import (
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
		keys    []string
		want    bool
	}{
		{"first", 0, []string{"ip", "mail"}, true},
		{"second", 0, []string{"ip", "mail"}, true},
		{"third", 0, []string{"ip", "mail"}, true},
		{"burst spent", 0, []string{"ip", "mail"}, false},
		{"another email, same ip", 0, []string{"ip", "other"}, false},
		{"refused attempt spent nothing on other", 0, []string{"other"}, true},
		{"half a minute is not enough", 30 * time.Second, []string{"ip"}, false},
		{"a minute earns one back", 30 * time.Second, []string{"ip"}, true},
		{"and only one", 0, []string{"ip"}, false},
		{"a long wait refills to the burst, not past it", time.Hour, []string{"ip"}, true},
		{"two", 0, []string{"ip"}, true},
		{"three", 0, []string{"ip"}, true},
		{"four is too many", 0, []string{"ip"}, false},
	}
	for _, st := range steps {
		now = now.Add(st.advance)
		if got := l.Allow(st.keys...); got != st.want {
			t.Fatalf("%s: Allow(%v) = %v, want %v", st.name, st.keys, got, st.want)
		}
	}
}

func TestLimiterSweepKeepsBusyKeys(t *testing.T) {
	l := NewLimiter(1, time.Hour)
	l.Allow("busy")
	for i := range maxKeys + 1 {
		l.Allow(string(rune('a'+i%26)) + time.Duration(i).String())
	}
	if l.Allow("busy") {
		t.Fatal("a sweep forgot a key that had spent its attempts")
	}
}

func TestRefundedAttemptsDoNotCount(t *testing.T) {
	l := NewLimiter(2, time.Hour)
	for range 10 {
		if !l.Allow("ada@example.com") {
			t.Fatal("refunded attempts were counted")
		}
		l.Refund("ada@example.com")
	}
	l.Allow("ada@example.com")
	l.Allow("ada@example.com")
	if l.Allow("ada@example.com") {
		t.Error("third unrefunded attempt allowed with a burst of 2")
	}
}
