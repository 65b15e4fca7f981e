package ticket_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestTeamAssignmentModes(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		var ids []int64
		for _, name := range []string{"Ann", "Bob", "Cat"} {
			op, err := s.Operators.Create(ctx, operator.NewOperator{Email: name + "@example.com", Name: name})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, op.ID)
		}
		admin := operator.Operator{Role: operator.Admin}
		if _, err := s.Operators.Update(ctx, admin, ids[1], operator.Patch{Active: testutil.Ptr(false)}); err != nil {
			t.Fatal(err)
		}
		support, _ := s.Teams.Find(ctx, d.Read, "support")
		setMode := func(m team.AssignmentMode) {
			if _, err := s.Teams.Update(ctx, support.ID, team.Input{AssignmentMode: &m, MemberIDs: &ids}); err != nil {
				t.Fatal(err)
			}
		}
		assignees := func(n int, prefix string) []string {
			var out []string
			for i := range n {
				tk := mustCreate(t, s, newTicket(fmt.Sprintf("%s %d", prefix, i), fmt.Sprintf("%s%d@example.com", prefix, i)))
				name := "-"
				if tk.Assignee != nil {
					name = tk.Assignee.Name
				}
				out = append(out, name)
			}
			return out
		}
		if got := fmt.Sprint(assignees(2, "manual")); got != "[- -]" {
			t.Errorf("manual mode assigned %s", got)
		}
		setMode(team.RoundRobin)
		if got := fmt.Sprint(assignees(4, "rr")); got != "[Ann Cat Ann Cat]" {
			t.Errorf("round robin over active Ann and Cat gave %s", got)
		}
		setMode(team.FewestOpen)
		// Ann and Cat hold two open tickets each; closing Cat's makes Cat the least loaded.
		page, _ := s.Tickets.List(ctx, ticket.Filter{Assignee: "cat@example.com"})
		for _, tk := range page.Items {
			if _, err := s.Tickets.Update(ctx, tk.ID, ticket.Patch{Status: testutil.Ptr("Closed")}); err != nil {
				t.Fatal(err)
			}
		}
		if got := fmt.Sprint(assignees(3, "few")); got != "[Cat Cat Ann]" {
			t.Errorf("fewest open gave %s, want Cat twice then Ann", got)
		}
		in := newTicket("explicit", "x@example.com")
		in.Assignee = "ann@example.com"
		if tk := mustCreate(t, s, in); tk.Assignee == nil || tk.Assignee.Name != "Ann" {
			t.Errorf("explicit assignee overridden: %+v", tk.Assignee)
		}
		events, _ := s.Tickets.History(ctx, 3)
		if len(events) < 2 || events[1].Kind != ticket.EventAssignee || events[1].Data["mode"] != "round_robin" {
			t.Errorf("auto assignment not in history: %+v", events)
		}
	})
}
