package sla_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/sla"
)

var lunchPolicy = &sla.Policy{FirstResponse: 2 * time.Hour, NextResponse: 3 * time.Hour, Resolution: 20 * time.Hour,
	Warn: time.Hour, Calendar: lunchAndHoliday, Pause: map[int64]bool{statusWaiting: true, statusNew: true}}

// history is a random but plausible ticket history from 2026-03-02.
func history(rng *rand.Rand, n int) []sla.Event {
	policies := []*sla.Policy{standard, urgent, lunchPolicy, nil}
	when := at("2026-03-02 08:00").Add(time.Duration(rng.IntN(3*24*60)) * time.Minute)
	events := []sla.Event{{At: when, Kind: sla.Created, Status: statusNew, Policy: policies[rng.IntN(3)]}}
	for range n {
		when = when.Add(time.Duration(rng.IntN(2*24*60)) * time.Minute)
		e := sla.Event{At: when, Kind: sla.Kind(2 + rng.IntN(5))}
		switch e.Kind {
		case sla.StatusEntered:
			e.Status = int64(1 + rng.IntN(3))
			e.Closed = e.Status == statusClosed
		case sla.PolicyChanged:
			e.Policy = policies[rng.IntN(len(policies))]
		}
		events = append(events, e)
	}
	return events
}

func replay(t *testing.T, c *sla.Clock, events []sla.Event) []sla.Recomputed {
	t.Helper()
	var all []sla.Recomputed
	for _, e := range events {
		r, err := c.Apply(e)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, r...)
	}
	return all
}

// show prints a result so that two can be compared.
func show(r sla.Result) string {
	out := ""
	for _, t := range sla.Targets {
		if s := r.Of(t); s != nil {
			out += fmt.Sprintf("%s:%s due=%d met=%d paused=%v ", t, s.State, s.Due.Unix(), s.Met.Unix(), s.Paused)
		}
	}
	return out
}

// Computing on any prefix, reading the clock, then continuing gives what
// computing at once gives: the clock is a function of the history.
func TestRecomputationGivesTheSameAnswer(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 17))
	for range 200 {
		events := history(rng, 12)
		now := events[len(events)-1].At.Add(time.Duration(rng.IntN(5*24*60)) * time.Minute)
		var whole sla.Clock
		wholeLines := fmt.Sprint(replay(t, &whole, events))
		for k := 1; k < len(events); k++ {
			var c sla.Clock
			lines := replay(t, &c, events[:k])
			c.At(events[k].At) // reading changes nothing
			saved := c         // a stored copy continues like the original
			lines = append(lines, replay(t, &saved, events[k:])...)
			if got, want := show(saved.At(now)), show(whole.At(now)); got != want || fmt.Sprint(lines) != wholeLines {
				t.Fatalf("cut at %d of %v:\n got %s\nwant %s", k, events, got, want)
			}
		}
	}
}

// A note anywhere changes nothing, and a breach, once seen, stays.
func TestNotesChangeNothingAndBreachesStay(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	for range 300 {
		events := history(rng, 10)
		k := 1 + rng.IntN(len(events)-1)
		gap := time.Duration(rng.Int64N(int64(events[k].At.Sub(events[k-1].At)) + 1))
		withNote := append(append(events[:k:k], sla.Event{At: events[k-1].At.Add(gap), Kind: sla.Note}), events[k:]...)
		now := events[len(events)-1].At.Add(time.Duration(rng.IntN(3*24*60)) * time.Minute)
		a, _, _ := sla.Compute(events, now)
		b, _, _ := sla.Compute(withNote, now)
		if show(a) != show(b) {
			t.Fatalf("a note at %s changed\n%s\nto\n%s", events[k-1].At.Add(gap), show(a), show(b))
		}
		var c sla.Clock
		replay(t, &c, events)
		later := c.At(now.Add(time.Duration(rng.IntN(10*24*60)) * time.Minute))
		for _, target := range sla.Targets {
			if s := a.Of(target); s != nil && s.State == sla.Breached && later.Of(target).State != sla.Breached {
				t.Fatalf("%s breached at %s but %s later", target, now, later.Of(target).State)
			}
		}
	}
}
