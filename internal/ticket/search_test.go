package ticket_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Both search strategies (collect matches from the index; walk the list in
// order and test each ticket) must give the same pages.
func TestSearchStrategiesAgree(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		words := []string{"refund", "login", "invoice", "refund login", "shipping"}
		for i := range 30 {
			in := newTicket(fmt.Sprintf("Ticket %d about %s", i, words[i%len(words)]), fmt.Sprintf("c%d@example.com", i))
			in.Priority = i % 4
			in.Description = "Please help with " + words[(i+2)%len(words)]
			mustCreate(t, s, in)
		}
		for _, q := range []string{"refund", "login refund", "invoice", "shipping help", "nothing-matches"} {
			s.Tickets.ScanBudget, s.Tickets.FewMatches = -1, 0
			collect := pagesOf(t, s.Tickets, q)
			s.Tickets.ScanBudget, s.Tickets.FewMatches = 1<<20, 1
			walk := pagesOf(t, s.Tickets, q)
			if !slices.Equal(collect, walk) {
				t.Errorf("q=%q: index-first %v, list-first %v", q, collect, walk)
			}
			if q != "nothing-matches" && len(collect) == 0 {
				t.Errorf("q=%q found nothing", q)
			}
		}
	})
}

func pagesOf(t *testing.T, svc *ticket.Service, q string) []int64 {
	t.Helper()
	var ids []int64
	cursor := ""
	for {
		page, err := svc.List(context.Background(), ticket.Filter{Q: q, Limit: 4, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range page.Items {
			ids = append(ids, tk.ID)
		}
		if cursor = page.NextCursor; cursor == "" {
			return ids
		}
	}
}
