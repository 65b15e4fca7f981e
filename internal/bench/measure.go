package bench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Result is one measured operation.
type Result struct {
	Name          string
	N             int
	P50, P95, P99 time.Duration
	PerSecond     float64 // for throughput runs
	Target        string
}

func summarize(name, target string, samples []time.Duration) Result {
	slices.Sort(samples)
	at := func(q float64) time.Duration { return samples[min(len(samples)-1, int(q*float64(len(samples))))] }
	return Result{Name: name, Target: target, N: len(samples), P50: at(0.50), P95: at(0.95), P99: at(0.99)}
}

// timeEach runs op n times (after a short warm-up) and summarizes.
func timeEach(n int, op func(i int) error) ([]time.Duration, error) {
	for i := range min(n/10, 20) {
		if err := op(i); err != nil {
			return nil, err
		}
	}
	out := make([]time.Duration, n)
	for i := range n {
		start := time.Now()
		if err := op(i); err != nil {
			return nil, err
		}
		out[i] = time.Since(start)
	}
	return out, nil
}

// InboxPage measures the first page (50 rows) of a team's open tickets.
func InboxPage(ctx context.Context, s *app.Services, g *generator, n int) (Result, error) {
	samples, err := timeEach(n, func(i int) error {
		_, err := s.Tickets.List(ctx, ticket.Filter{Team: g.teamSlugs[i%len(g.teamSlugs)], Kind: "open", Limit: 50})
		return err
	})
	if err != nil {
		return Result{}, err
	}
	return summarize("inbox: first 50 open tickets of a team", "p95 <= 10 ms", samples), nil
}

// SearchQueries is the mix: rare words, common words and two-word queries.
func (g *generator) SearchQueries(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		switch i % 3 {
		case 0: // rare: deep in the Zipf tail
			out[i] = g.vocab.Rank(5000 + r.IntN(g.vocab.Size()-5000))
		case 1: // common: among the 100 most frequent
			out[i] = g.vocab.Rank(r.IntN(100))
		default:
			out[i] = g.vocab.Rank(r.IntN(300)) + " " + g.vocab.Rank(r.IntN(3000))
		}
	}
	return out
}

// Search measures full-text search over subjects and messages.
func Search(ctx context.Context, s *app.Services, g *generator, n int) (Result, error) {
	queries := g.SearchQueries(rand.New(rand.NewPCG(7, 8)), n+n/10+20)
	samples, err := timeEach(n, func(i int) error {
		_, err := s.Tickets.List(ctx, ticket.Filter{Q: queries[i], Limit: 50})
		return err
	})
	if err != nil {
		return Result{}, err
	}
	return summarize("search: rare, common and two-word queries", "p95 <= 50 ms", samples), nil
}

// ContactByEmail measures looking a contact up by address.
func ContactByEmail(ctx context.Context, s *app.Services, g *generator, n int) (Result, error) {
	r := rand.New(rand.NewPCG(9, 10))
	emails := make([]string, n+n/10+20)
	for i := range emails {
		id := 1 + r.Int64N(g.contacts)
		emails[i] = emailOf(ctx, s, id)
	}
	samples, err := timeEach(n, func(i int) error {
		items, _, err := s.Contacts.List(ctx, contact.Filter{Email: emails[i], Limit: 1})
		if err == nil && len(items) != 1 {
			err = fmt.Errorf("contact %s not found", emails[i])
		}
		return err
	})
	if err != nil {
		return Result{}, err
	}
	return summarize("contact lookup by email", "p95 <= 1 ms", samples), nil
}

func emailOf(ctx context.Context, s *app.Services, id int64) string {
	var e string
	_ = s.DB.Read.QueryRowContext(ctx, `SELECT email FROM contact_emails WHERE contact_id = $1`, id).Scan(&e)
	return e
}

// Print writes results as a Markdown table.
func Print(w io.Writer, results []Result) {
	fmt.Fprintln(w, "| operation | n | p50 | p95 | p99 | throughput | target |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, r := range results {
		tput := "-"
		if r.PerSecond > 0 {
			tput = fmt.Sprintf("%.0f/s", r.PerSecond)
		}
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %s |\n", r.Name, r.N, ms(r.P50), ms(r.P95), ms(r.P99), tput, r.Target)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }
