package sla_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/sla"
)

// typical is a common ticket's life: created, answered, a follow-up and
// its answer, a wait for the customer, their reply, the last answer, closed.
// Open tickets are cut somewhere along the way.
func typical(rng *rand.Rand) []sla.Event {
	start := at("2026-03-02 00:00").Add(time.Duration(rng.IntN(60*24*60)) * time.Minute)
	when := start
	step := func(max int) time.Time {
		when = when.Add(time.Duration(1+rng.IntN(max)) * time.Minute)
		return when
	}
	events := []sla.Event{
		{At: start, Kind: sla.Created, Status: statusNew, Policy: []*sla.Policy{standard, urgent, lunchPolicy}[rng.IntN(3)]},
		{At: step(120), Kind: sla.PublicAnswer},
		{At: step(600), Kind: sla.CustomerMessage},
		{At: step(30), Kind: sla.Note},
		{At: step(240), Kind: sla.PublicAnswer},
		{At: step(10), Kind: sla.StatusEntered, Status: statusWaiting},
		{At: step(3000), Kind: sla.CustomerMessage},
		{At: step(1), Kind: sla.StatusEntered, Status: statusNew},
		{At: step(300), Kind: sla.PublicAnswer},
		{At: step(60), Kind: sla.StatusEntered, Status: statusClosed, Closed: true},
	}
	return events[:2+rng.IntN(len(events)-1)]
}

// BenchmarkClock100k computes the clock of 100,000 typical tickets per
// operation; ns/ticket is the pure share of a recomputation.
func BenchmarkClock100k(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	tickets := make([][]sla.Event, 100_000)
	for i := range tickets {
		tickets[i] = typical(rng)
	}
	now := at("2026-05-15 12:00")
	for b.Loop() {
		for _, events := range tickets {
			if _, _, err := sla.Compute(events, now); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tickets)), "ns/ticket")
}
