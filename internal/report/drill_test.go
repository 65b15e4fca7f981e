package report_test

import (
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TestFiguresOpenTheirTickets lists the tickets behind figures of the
// fixed history: as many as the figure counts, including a ticket that
// has moved to another team since.
func TestFiguresOpenTheirTickets(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		history(k)
		cases := []struct {
			name  string
			facts ticket.Facts
			want  int
		}{
			{"created in Support on the 30th, one now in Sales", ticket.Facts{Kind: "created", From: "2026-03-30",
				To: "2026-03-30", TeamID: k.support.ID, Priority: -1}, 3},
			{"created on the DST Sunday (Saturday in UTC)", ticket.Facts{Kind: "created", From: "2026-03-29",
				To: "2026-03-29", TeamID: k.support.ID, Priority: -1}, 1},
			{"closed over two days, one of them twice", ticket.Facts{Kind: "closed", From: "2026-03-30",
				To: "2026-03-31", Priority: -1}, 2},
			{"created by channel and priority", ticket.Facts{Kind: "created", From: "2026-03-27", To: "2026-03-31",
				Channel: "web_form", Priority: 2}, 1},
			{"closed while Ada's", ticket.Facts{Kind: "closed", From: "2026-03-27", To: "2026-03-31",
				Operator: k.agent.ID, Priority: -1}, 1},
		}
		for _, c := range cases {
			page, err := k.s.Tickets.List(k.ctx, ticket.Filter{Facts: &c.facts, Limit: 50})
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if len(page.Items) != c.want {
				t.Errorf("%s: %d tickets, want %d", c.name, len(page.Items), c.want)
			}
		}
	})
}
