package bench

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
)

// CreateSLAOverhead is API ticket creation with the SLA clock and without
// it, in turns (on, off, on, off, ...), rounds runs of d each: what an
// SLA state costs a creation, measured where a customer's ticket arrives.
// The database's teams keep their calendars and policies (the sla step
// sets them up), so "on" is a creation under a policy.
func CreateSLAOverhead(ctx context.Context, s *app.Services, g *generator, clients, rounds int, d time.Duration) ([]Result, error) {
	clocks := s.Tickets.Clocks
	defer func() { s.Tickets.Clocks = clocks }()
	if _, err := SLASetup(ctx, s); err != nil {
		return nil, err
	}
	var rates [2][]float64
	var last [2]Result
	for i := range 2 * rounds {
		mode := i % 2
		s.Tickets.Clocks = clocks
		if mode == 1 {
			s.Tickets.Clocks = nil
		}
		r, err := CreateThroughput(ctx, s, g, clients, d)
		if err != nil {
			return nil, err
		}
		rates[mode], last[mode] = append(rates[mode], r.PerSecond), r
	}
	return inTurns([2]string{"with the SLA clock", "without the SLA clock"}, rates, last, clients, rounds, d,
		"SLA costs <= 10%% of the rate: %.1f%%"), nil
}

// inTurns is the two results of runs made in turns with a feature on and
// off: each the last run's latencies with the median of its rates, and the
// first the loss against target (a format of the loss in percent).
func inTurns(names [2]string, rates [2][]float64, last [2]Result, clients, rounds int, d time.Duration, target string) []Result {
	on, off := median(rates[0]), median(rates[1])
	out := make([]Result, 2)
	for m := range 2 {
		out[m] = last[m]
		out[m].Name = fmt.Sprintf("API ticket creation %s, %d clients, %d runs of %s in turns (%s/s; last run's latencies)",
			names[m], clients, rounds, d, joinRates(rates[m]))
		out[m].PerSecond = median(rates[m])
		out[m].Target = ""
	}
	out[0].Target = fmt.Sprintf(target, 100*(off-on)/off) + fmt.Sprintf("; median of the %d pairs' losses %.1f%%",
		rounds, pairLoss(rates))
	return out
}

// pairLoss is the median loss of each "on" run against the "off" run
// right after it: runs minutes apart drift (the database grows, a
// checkpoint lands), a pair shares the drift.
func pairLoss(rates [2][]float64) float64 {
	losses := make([]float64, 0, len(rates[0]))
	for i := range min(len(rates[0]), len(rates[1])) {
		losses = append(losses, 100*(rates[1][i]-rates[0][i])/rates[1][i])
	}
	return median(losses)
}

func median(v []float64) float64 {
	w := slices.Clone(v)
	slices.Sort(w)
	return w[len(w)/2]
}

func joinRates(v []float64) string {
	parts := make([]string, len(v))
	for i, r := range v {
		parts[i] = fmt.Sprintf("%.0f", r)
	}
	return strings.Join(parts, ", ")
}
