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
			// T1's first response (Ada's, under the Support policy) came
			// late; T2's was on time; no resolution target.
			{"SLA missed", ticket.Facts{Kind: "sla_missed", From: "2026-03-27", To: "2026-03-31", Priority: -1}, 1},
			{"SLA missed on the day it settled", ticket.Facts{Kind: "sla_missed", From: "2026-03-30", To: "2026-03-30",
				Priority: -1, Target: "first_response", Policy: policyID(k), TeamID: k.support.ID, Operator: k.agent.ID}, 1},
			{"SLA missed, not on a day without", ticket.Facts{Kind: "sla_missed", From: "2026-03-31", To: "2026-03-31",
				Priority: -1}, 0},
			{"SLA resolution missed: none", ticket.Facts{Kind: "sla_missed", From: "2026-03-27", To: "2026-03-31",
				Priority: -1, Target: "resolution"}, 0},
			{"SLA missed by nobody's: none", ticket.Facts{Kind: "sla_missed", From: "2026-03-27", To: "2026-03-31",
				Priority: -1, Operator: -1}, 0},
			{"SLA missed in another channel: none", ticket.Facts{Kind: "sla_missed", From: "2026-03-27", To: "2026-03-31",
				Priority: -1, Channel: "web_form"}, 0},
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
		missed, _ := k.s.Tickets.List(k.ctx, ticket.Filter{Facts: &ticket.Facts{Kind: "sla_missed", From: "2026-03-30",
			To: "2026-03-30", Priority: -1}, Limit: 50})
		if len(missed.Items) != 1 || missed.Items[0].Channel != ticket.Email || missed.Items[0].Priority != 1 {
			t.Errorf("the SLA miss is %s, want T1 (email, priority 1)", brief(missed.Items))
		}
		_, err := k.s.Tickets.List(k.ctx, ticket.Filter{Facts: &ticket.Facts{Kind: "sla_missed", From: "2026-03-30",
			To: "2026-03-30", Priority: -1, Target: "lunch"}, Limit: 50})
		if got := testutil.Fields(err); got["target"] != "must be first_response or resolution" {
			t.Errorf("an unknown target: %v", err)
		}
	})
}
