package ticket_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// customerWrites adds a customer message to ticket id at listBase plus offset.
func customerWrites(t *testing.T, s *ticket.Service, id int64, offset time.Duration) {
	t.Helper()
	if _, err := s.AddMessage(context.Background(), id, ticket.NewMessage{Kind: ticket.Customer, Body: "Any news?",
		CreatedAt: listBase.Add(offset)}); err != nil {
		t.Fatal(err)
	}
}

func TestListSortsByCustomerWaitAndClosingTime(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		// Priorities disagree with every time order, so the usual order shows.
		a := openAt(t, s, "A", 3, 0)
		b := openAt(t, s, "B", 0, time.Hour)
		c := openAt(t, s, "C", 1, 2*time.Hour)
		customerWrites(t, s.Tickets, a.ID, 5*time.Hour) // A's customer wrote last
		if _, err := s.Tickets.AddMessage(context.Background(), b.ID, ticket.NewMessage{Kind: ticket.Reply,
			Body: "We are on it.", CreatedAt: listBase.Add(6 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			sort string
			want []string
		}{
			{"", []string{"A", "C", "B"}},
			{"waiting", []string{"B", "C", "A"}},  // B's customer wrote first; our reply does not count
			{"customer", []string{"A", "C", "B"}}, // the latest customer message first
		}
		for _, tc := range cases {
			if got := listSubjects(t, s, ticket.Filter{Kind: "open", Sort: tc.sort}); !slices.Equal(got, tc.want) {
				t.Errorf("sort %q: %q, want %q", tc.sort, got, tc.want)
			}
		}
		// Closed in the order C, A: the latest closed first, whatever the priority.
		patchTicket(t, s, c.ID, ticket.Patch{Status: pointerTo("Closed")})
		patchTicket(t, s, a.ID, ticket.Patch{Status: pointerTo("Closed")})
		if got := listSubjects(t, s, ticket.Filter{Kind: "closed", Sort: "closed"}); !slices.Equal(got, []string{"A", "C"}) {
			t.Errorf("closed by closing time: %q, want A (closed last) first", got)
		}
		if got := listSubjects(t, s, ticket.Filter{Sort: "closed"}); !slices.Equal(got, []string{"A", "C"}) {
			t.Errorf("closing order without a kind: %q, want only the closed tickets", got)
		}
	})
}

func TestListTimeSortsPageThroughEveryTicketOnce(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		const n = 7
		for i := range n { // pairs share a time, so the id decides between them
			openAt(t, s, string(rune('A'+i)), i%4, time.Duration(i/2)*time.Minute)
		}
		for _, sort := range []string{"waiting", "customer"} {
			all := listSubjects(t, s, ticket.Filter{Sort: sort, Limit: 100})
			var seen []string
			f := ticket.Filter{Sort: sort, Limit: 3}
			for pages := 0; pages <= n; pages++ {
				page, err := s.Tickets.List(context.Background(), f)
				if err != nil {
					t.Fatalf("%s: %v", sort, err)
				}
				seen = append(seen, subjects(page.Items)...)
				if f.Cursor = page.NextCursor; f.Cursor == "" {
					break
				}
			}
			if len(all) != n || !slices.Equal(seen, all) {
				t.Errorf("%s: pages visit %q, one page holds %q", sort, seen, all)
			}
			// A cursor of one order is refused by another.
			page, _ := s.Tickets.List(context.Background(), ticket.Filter{Sort: sort, Limit: 3})
			_, err := s.Tickets.List(context.Background(), ticket.Filter{Cursor: page.NextCursor})
			if testutil.Fields(err)["cursor"] == "" {
				t.Errorf("%s cursor used in the usual order: %v, want a cursor error", sort, err)
			}
		}
		_, err := s.Tickets.List(context.Background(), ticket.Filter{Sort: "oldest"})
		if testutil.Fields(err)["sort"] == "" {
			t.Errorf("unknown sort: %v, want a message for sort", err)
		}
	})
}

func TestCustomerLastMarksTicketsAwaitingAnAnswer(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		tk := openAt(t, s, "Refund", 0, 0)
		add := func(kind ticket.MessageKind, offset time.Duration) bool {
			t.Helper()
			if _, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: kind, Body: "text",
				CreatedAt: listBase.Add(offset)}); err != nil {
				t.Fatal(err)
			}
			page, err := s.Tickets.List(ctx, ticket.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			return page.Items[0].CustomerLast
		}
		if add(ticket.Reply, time.Hour) {
			t.Error("after our reply the ticket is marked as the customer's turn to be answered")
		}
		if !add(ticket.Customer, 2*time.Hour) {
			t.Error("after the customer's answer the ticket is not marked")
		}
		if !add(ticket.Note, 3*time.Hour) {
			t.Error("an internal note cleared the mark: the customer still waits")
		}
	})
}

func TestCountOpenGroupsTheViews(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		me := mustOperator(t, s, "me@frontdesk.test", "Me")
		mustOperator(t, s, "other@frontdesk.test", "Other")
		mk := func(assignee string) ticket.Ticket {
			in := newTicket("T", "ada@example.com")
			in.Assignee = assignee
			return mustCreate(t, s, in)
		}
		mk("me@frontdesk.test")
		mk("me@frontdesk.test")
		mk("other@frontdesk.test")
		mk("")
		closed := mk("me@frontdesk.test")
		patchTicket(t, s, closed.ID, ticket.Patch{Status: pointerTo("Closed")})
		support := getTicket(t, s, closed.ID).Team.ID
		got, err := s.Tickets.CountOpen(context.Background(), ticket.CountQuery{Me: me.ID, Teams: []int64{support}, Cap: 100})
		if err != nil {
			t.Fatal(err)
		}
		if got.All != 4 || got.Mine != 2 || got.Unassigned != 1 || got.ByTeam[support] != 4 || len(got.ByTeam) != 1 {
			t.Errorf("counts %+v, want 4 open, 2 mine, 1 unassigned, 4 in support", got)
		}
		// Past the cap a count stops: 3 means "3 or more".
		capped, err := s.Tickets.CountOpen(context.Background(), ticket.CountQuery{Me: me.ID, Teams: []int64{support}, Cap: 3})
		if err != nil {
			t.Fatal(err)
		}
		if capped.All != 3 || capped.Mine != 2 || capped.Unassigned != 1 || capped.ByTeam[support] != 3 {
			t.Errorf("capped counts %+v, want 3, 2, 1 and 3", capped)
		}
		// An operator outside a pipeline's teams counts none of its tickets.
		limitPipeline(t, s, getTicketPipeline(t, s))
		hidden, err := s.Tickets.CountOpen(context.Background(), ticket.CountQuery{Me: me.ID, Viewer: me.ID, Cap: 100})
		if err != nil || hidden.All != 0 || hidden.Mine != 0 {
			t.Errorf("counts for an operator who may not see the pipeline: %+v, %v", hidden, err)
		}
	})
}

// limitPipeline limits pipeline id to a new team without members.
func limitPipeline(t *testing.T, s *app.Services, id int64) {
	t.Helper()
	ctx := context.Background()
	name := "Back office"
	tm, err := s.Teams.Create(ctx, team.Input{Name: &name}, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Pipelines.Update(ctx, id, pipeline.Update{Teams: &[]int64{tm.ID}}); err != nil {
		t.Fatal(err)
	}
}
