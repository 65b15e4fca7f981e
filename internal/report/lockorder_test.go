package report_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/report"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TestMoversInOppositeDirectionsNeverDeadlock moves tickets between two
// teams on PostgreSQL from eight writers at once, half from Support to
// Sales and half back, every move of the same channel, priority,
// operator and day, so their roll-up rows are the same ones: each change
// must commit (no deadlock detected), and the open counts must add up.
func TestMoversInOppositeDirectionsNeverDeadlock(t *testing.T) {
	d := testutil.NewPostgres(t)
	k := newDesk(t, d)
	const writers, moves = 8, 30
	owned := make([][]int64, writers)
	for w := range writers {
		for range 2 {
			tk, err := k.s.Tickets.Create(k.ctx, ticket.NewTicket{Subject: "Moving", Description: "Help",
				Team: []string{"support", "sales"}[w%2], Priority: 2, Channel: ticket.Channel("email"),
				Assignee: k.agent.Email, CreatedAt: at("2026-03-10 09:00"), Contact: contact.Identity{Email: "mover@example.com"}})
			if err != nil {
				t.Fatal(err)
			}
			owned[w] = append(owned[w], tk.ID)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			teams := []string{"sales", "support"}
			if w%2 == 1 {
				teams = []string{"support", "sales"}
			}
			for i := range moves {
				for _, id := range owned[w] {
					p := ticket.Patch{Team: &teams[i%2], At: at("2026-03-10 12:00")}
					if _, err := k.s.Tickets.Update(k.ctx, id, p); err != nil {
						errs <- fmt.Errorf("writer %d, move %d of ticket %d: %w", w, i, id, err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	if err := errors.Join(all...); err != nil {
		t.Fatal(err)
	}
	got := k.tickets(admin, report.Query{From: "2026-03-10", To: "2026-03-10"})
	if got.Totals.Created != 2*writers || got.Totals.Backlog != 2*writers {
		t.Errorf("every team: %d created, %d open at the day's end; want %d and %d", got.Totals.Created,
			got.Totals.Backlog, 2*writers, 2*writers)
	}
}
