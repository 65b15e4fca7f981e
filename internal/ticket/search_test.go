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

// Search finds words of the subject and of every message, folded the same
// way on both engines, and a new subject replaces the old one's words.
func TestSearchFindsThreadWordsFoldedAfterChanges(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		in := newTicket("Die Hasen und die Frösche", "hase@example.com")
		in.Description = "Mein Paket ist nicht angekommen."
		tk := mustCreate(t, s, in)
		op := mustOperator(t, s, "agent@example.com", "Agent")
		if _, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Reply, Body: "Wir prüfen die Sendungsnummer ZX-4411.", OperatorID: op.ID}); err != nil {
			t.Fatal(err)
		}
		found := func(q string) bool {
			page, err := s.Tickets.List(ctx, ticket.Filter{Q: q})
			if err != nil {
				t.Fatal(err)
			}
			return len(page.Items) == 1 && page.Items[0].ID == tk.ID
		}
		for _, q := range []string{"frosche", "FRÖSCHE", "paket angekommen", "sendungsnummer zx 4411", "prufen"} {
			if !found(q) {
				t.Errorf("q=%q does not find the ticket", q)
			}
		}
		if found("frösche paket fehlt") {
			t.Error("a query with a word the ticket lacks found it")
		}
		patchTicket(t, s, tk.ID, ticket.Patch{Subject: pointerTo("Lieferung verspätet")})
		if !found("verspatet") || !found("paket sendungsnummer") {
			t.Error("after the subject change the new subject or the thread is not found")
		}
		if found("hasen") {
			t.Error("the old subject is still found")
		}
	})
}
