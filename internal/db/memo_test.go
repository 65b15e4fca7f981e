package db

import (
	"errors"
	"testing"
	"time"
)

func TestMemoRemembersUntilForgottenOrExpired(t *testing.T) {
	var m Memo[string, int]
	loads := 0
	load := func() (int, error) { loads++; return loads, nil }
	if v, _ := m.Get("a", load); v != 1 {
		t.Fatalf("first get = %d, want 1", v)
	}
	if v, _ := m.Get("a", load); v != 1 {
		t.Errorf("second get = %d, want the remembered 1", v)
	}
	m.Forget()
	if v, _ := m.Get("a", load); v != 2 {
		t.Errorf("get after Forget = %d, want a fresh load (2)", v)
	}
	short := Memo[string, int]{TTL: time.Millisecond}
	_, _ = short.Get("a", load)
	time.Sleep(3 * time.Millisecond)
	if v, _ := short.Get("a", load); v != 4 {
		t.Errorf("get after expiry = %d, want a fresh load (4)", v)
	}
}

func TestMemoDropsALoadThatRacedAChange(t *testing.T) {
	var m Memo[string, string]
	// The load read the row before a writer committed and called Forget.
	v, _ := m.Get("team", func() (string, error) { m.Forget(); return "old name", nil })
	if v != "old name" {
		t.Fatalf("get = %q", v)
	}
	v, _ = m.Get("team", func() (string, error) { return "new name", nil })
	if v != "new name" {
		t.Errorf("get after the change = %q, want the new name, not the stale load", v)
	}
}

func TestMemoDoesNotRememberErrors(t *testing.T) {
	var m Memo[string, int]
	missing := errors.New("not found")
	if _, err := m.Get("x", func() (int, error) { return 0, missing }); !errors.Is(err, missing) {
		t.Fatalf("err = %v", err)
	}
	if v, err := m.Get("x", func() (int, error) { return 7, nil }); err != nil || v != 7 {
		t.Errorf("get after a failed load = %d, %v; want 7", v, err)
	}
}
