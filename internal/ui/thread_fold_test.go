package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestThreadFoldsQuotedHistory(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Printer", 0, "")
		body := "Thanks, fixed.\n\nOn Mon, 16 Nov 2026 at 10:00, Support <s@x.example> wrote:\n> Restart it."
		if _, err := e.s.Tickets.AddMessage(context.Background(), tk.ID, ticket.NewMessage{Kind: ticket.Customer,
			Body: body}); err != nil {
			t.Fatal(err)
		}
		res, page := e.do(e.client("agent"), http.MethodGet, fmt.Sprintf("/tickets/%d", tk.Number), nil, nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		expect(t, "thread", page, []string{`<div class="body">Thanks, fixed.</div>`,
			`<details class="quoted"><summary>Show quoted text</summary><div class="body">On Mon, 16 Nov 2026`,
			"&gt; Restart it."}, nil)
	})
}

// A thread of more than 40 items shows its first message and its latest
// 20 items around a fold; the fold's link shows it whole.
func TestLongThreadFolds(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Long story", 0, "")
		for i := 1; i <= 45; i++ {
			if _, err := e.s.Tickets.AddMessage(context.Background(), tk.ID, ticket.NewMessage{Kind: ticket.Customer,
				Body: fmt.Sprintf("Chapter %02d.", i)}); err != nil {
				t.Fatal(err)
			}
		}
		page := e.getAs("agent", fmt.Sprintf("/tickets/%d", tk.Number), http.StatusOK)
		expectOrder(t, "folded", page, []string{"Hello.", "Show 25 earlier messages", "Chapter 26.", "Chapter 45."})
		expect(t, "folded", page, []string{fmt.Sprintf(`href="/tickets/%d?thread=all#thread"`, tk.Number)},
			[]string{"Chapter 01.", "Chapter 25."})
		whole := e.getAs("agent", fmt.Sprintf("/tickets/%d?thread=all", tk.Number), http.StatusOK)
		expectOrder(t, "whole", whole, []string{"Hello.", "Chapter 01.", "Chapter 25.", "Chapter 45."})
		expect(t, "whole", whole, nil, []string{"earlier messages"})
	})
}
