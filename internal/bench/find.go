package bench

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
)

// The top bar's search, one kind of query at a time: what GET /search runs
// (the contacts the query finds, then the tickets).
var findKinds = []string{"a ticket number", "a full name", "an email address", "a word"}

// findQueries are n queries of one kind, from the seeded data.
func (g *generator) findQueries(ctx context.Context, s *app.Services, kind string, r *rand.Rand, n int, top int64) []string {
	out := make([]string, n)
	for i := range out {
		id := 1 + r.Int64N(g.contacts)
		switch kind {
		case "a ticket number":
			out[i] = g.ticketNumber(ctx, s, top, r)
		case "a full name":
			var first, last string
			_ = s.DB.Read.QueryRowContext(ctx, `SELECT first_name, last_name FROM contacts WHERE id = $1`, id).Scan(&first, &last)
			out[i] = first + " " + last
		case "an email address":
			out[i] = emailOf(ctx, s, id)
		default: // mid-frequency: what a person remembers of a message
			out[i] = g.vocab.Rank(300 + r.IntN(5000))
		}
	}
	return out
}

// GlobalSearch measures the search box for each kind of query.
func GlobalSearch(ctx context.Context, s *app.Services, g *generator, n int) ([]Result, error) {
	r := rand.New(rand.NewPCG(11, 12))
	var top int64
	if err := s.DB.Read.QueryRowContext(ctx, `SELECT max(id) FROM tickets`).Scan(&top); err != nil {
		return nil, err
	}
	var out []Result
	for _, kind := range findKinds {
		queries := g.findQueries(ctx, s, kind, r, n+n/10+20, top)
		samples, err := timeEach(n, func(i int) error {
			people, _, err := s.Contacts.List(ctx, contact.Filter{Q: queries[i], Limit: 8})
			if err != nil {
				return err
			}
			ids := make([]int64, len(people))
			for j, c := range people {
				ids[j] = c.ID
			}
			found, err := s.Tickets.Find(ctx, queries[i], ids, 25)
			if err == nil && len(found) == 0 && kind == findKinds[0] { // names and addresses may have no ticket
				err = fmt.Errorf("search %q found nothing", queries[i])
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		out = append(out, summarize("global search: "+kind, "p95 <= 50 ms", samples))
	}
	return out, nil
}

// ticketNumber is the number of an existing ticket, as a person types it:
// the ticket at or after a random id up to top. Creations beside the
// measurement (or removed by an earlier one) leave gaps in the numbers, so
// a number is read, never made up.
func (g *generator) ticketNumber(ctx context.Context, s *app.Services, top int64, r *rand.Rand) string {
	var number int64
	_ = s.DB.Read.QueryRowContext(ctx, `SELECT number FROM tickets WHERE id >= $1 ORDER BY id LIMIT 1`,
		1+r.Int64N(top)).Scan(&number)
	return fmt.Sprintf("#%d", number)
}
