package ticket_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

var listBase = time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)

// openAt creates a ticket whose creation (and so last activity) is at
// listBase plus offset.
func openAt(t *testing.T, s *app.Services, subject string, priority int, offset time.Duration) ticket.Ticket {
	t.Helper()
	in := newTicket(subject, "ada@example.com")
	in.Priority, in.CreatedAt = priority, listBase.Add(offset)
	return mustCreate(t, s, in)
}

func subjects(items []ticket.Ticket) []string {
	out := []string{}
	for _, tk := range items {
		out = append(out, tk.Subject)
	}
	return out
}

func listSubjects(t *testing.T, s *app.Services, f ticket.Filter) []string {
	t.Helper()
	page, err := s.Tickets.List(context.Background(), f)
	if err != nil {
		t.Fatalf("list %+v: %v", f, err)
	}
	return subjects(page.Items)
}

func TestListOrdersByPriorityThenActivity(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		lowOld := openAt(t, s, "low, old", 0, time.Hour)
		openAt(t, s, "urgent, oldest", 3, 0)
		openAt(t, s, "medium", 1, 3*time.Hour)
		openAt(t, s, "urgent, newer", 3, 2*time.Hour)
		low := openAt(t, s, "low, newest", 0, 5*time.Hour)
		openAt(t, s, "high", 2, 4*time.Hour)
		want := []string{"urgent, newer", "urgent, oldest", "high", "medium", "low, newest", "low, old"}
		if got := listSubjects(t, s, ticket.Filter{}); !slices.Equal(got, want) {
			t.Errorf("order %q, want %q", got, want)
		}
		// A customer writing on the older low ticket brings it before the other low one.
		old := listSubjects(t, s, ticket.Filter{Priority: pointerTo(0)})
		if _, err := s.Tickets.AddMessage(ctx, lowOld.ID, ticket.NewMessage{Kind: ticket.Customer, Body: "Hello?",
			CreatedAt: listBase.Add(6 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if got := listSubjects(t, s, ticket.Filter{Priority: pointerTo(0)}); !slices.Equal(got, []string{"low, old", "low, newest"}) {
			t.Errorf("low tickets after new activity %q (before %q), want the active one first", got, old)
		}
		// Raising the priority moves a ticket up whatever its age.
		patchTicket(t, s, low.ID, ticket.Patch{Priority: pointerTo(3)})
		if got := listSubjects(t, s, ticket.Filter{Limit: 1}); !slices.Equal(got, []string{"low, newest"}) {
			t.Errorf("first ticket %q, want the one raised to urgent with the latest activity", got)
		}
	})
}

func TestListPagesVisitEveryTicketOnce(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		const n = 12
		for i := range n {
			// Pairs share a timestamp, so the id decides between them.
			openAt(t, s, fmt.Sprintf("ticket %02d", i), i%3, time.Duration(i/2)*time.Minute)
		}
		all := listSubjects(t, s, ticket.Filter{Limit: 200})
		if len(all) != n {
			t.Fatalf("one big page has %d tickets, want %d", len(all), n)
		}
		for _, limit := range []int{1, 2, 3, 4, 5, 7, 12, 13} {
			var seen []string
			pages := 0
			f := ticket.Filter{Limit: limit}
			for {
				page, err := s.Tickets.List(context.Background(), f)
				if err != nil {
					t.Fatalf("limit %d: %v", limit, err)
				}
				pages++
				if pages > n+1 {
					t.Fatalf("limit %d: paging does not end", limit)
				}
				if len(page.Items) > limit {
					t.Errorf("limit %d: page of %d", limit, len(page.Items))
				}
				seen = append(seen, subjects(page.Items)...)
				if page.NextCursor == "" {
					break
				}
				f.Cursor = page.NextCursor
			}
			if !slices.Equal(seen, all) {
				t.Errorf("limit %d: pages visit %q, want %q", limit, seen, all)
			}
			if want := (n + limit - 1) / limit; pages != want {
				t.Errorf("limit %d: %d pages, want %d (no empty page at the end)", limit, pages, want)
			}
		}
	})
}

func TestListFilters(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		me := mustOperator(t, s, "me@frontdesk.test", "Me")
		other := mustOperator(t, s, "other@frontdesk.test", "Other")
		billingName := "Billing"
		billing, err := s.Teams.Create(ctx, team.Input{Name: &billingName}, getTicketPipeline(t, s))
		if err != nil {
			t.Fatal(err)
		}
		mk := func(subject, teamSlug string, prio int, ch ticket.Channel, email, assignee string, tags []string, hour int) ticket.Ticket {
			in := ticket.NewTicket{Subject: subject, Team: teamSlug, Priority: prio, Channel: ch, Assignee: assignee,
				Tags: tags, Contact: contact.Identity{Email: email}, CreatedAt: listBase.Add(time.Duration(hour) * time.Hour)}
			return mustCreate(t, s, in)
		}
		mk("A", "support", 0, ticket.Email, "ada@example.com", "me@frontdesk.test", []string{"refund"}, 1)
		b := mk("B", "support", 2, ticket.WebForm, "bob@example.com", "other@frontdesk.test", nil, 2)
		c := mk("C", "billing", 2, ticket.API, "ada@example.com", "", []string{"Refund", "vip"}, 3)
		dd := mk("D", "billing", 3, ticket.Chat, "cy@example.com", fmt.Sprint(me.ID), nil, 4)
		patchTicket(t, s, b.ID, ticket.Patch{Status: pointerTo("Closed")})
		waiting := patchTicket(t, s, dd.ID, ticket.Patch{Status: pointerTo("Waiting")})
		closed := getTicket(t, s, b.ID)

		cases := []struct {
			name string
			f    ticket.Filter
			want []string
		}{
			{"everything", ticket.Filter{}, []string{"D", "C", "B", "A"}},
			{"team by slug", ticket.Filter{Team: "billing"}, []string{"D", "C"}},
			{"team by id", ticket.Filter{Team: fmt.Sprint(billing.ID)}, []string{"D", "C"}},
			{"open", ticket.Filter{Kind: "open"}, []string{"D", "C", "A"}},
			{"closed", ticket.Filter{Kind: "closed"}, []string{"B"}},
			{"assigned to me", ticket.Filter{Assignee: "me", MeID: me.ID}, []string{"D", "A"}},
			{"unassigned", ticket.Filter{Assignee: "none"}, []string{"C"}},
			{"assignee by email", ticket.Filter{Assignee: "Other@frontdesk.test"}, []string{"B"}},
			{"assignee by id", ticket.Filter{Assignee: fmt.Sprint(other.ID)}, []string{"B"}},
			{"priority 2", ticket.Filter{Priority: pointerTo(2)}, []string{"C", "B"}},
			{"priority 0", ticket.Filter{Priority: pointerTo(0)}, []string{"A"}},
			{"channel", ticket.Filter{Channel: "web_form"}, []string{"B"}},
			{"tag in any case", ticket.Filter{Tag: " REFUND "}, []string{"C", "A"}},
			{"tag", ticket.Filter{Tag: "vip"}, []string{"C"}},
			{"contact", ticket.Filter{ContactID: c.Contact.ID}, []string{"C", "A"}},
			{"status by name", ticket.Filter{Status: "waiting"}, []string{"D"}},
			{"status by id", ticket.Filter{Status: fmt.Sprint(closed.Status.ID)}, []string{"B"}},
			{"status new", ticket.Filter{Status: "New"}, []string{"C", "A"}},
			{"team and kind", ticket.Filter{Team: "support", Kind: "open"}, []string{"A"}},
			{"me and a tag nobody of mine has", ticket.Filter{Assignee: "me", MeID: me.ID, Tag: "vip"}, []string{}},
			{"unknown tag", ticket.Filter{Tag: "nothing"}, []string{}},
		}
		for _, tc := range cases {
			if got := listSubjects(t, s, tc.f); !slices.Equal(got, tc.want) {
				t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
			}
		}
		if waiting.Status.Name != "Waiting" {
			t.Fatalf("setup: D is in %q", waiting.Status.Name)
		}
	})
}

func getTicketPipeline(t *testing.T, s *app.Services) int64 {
	t.Helper()
	p, err := s.Pipelines.EnsureDefault(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return p.ID
}

func TestListRejectsBadFilters(t *testing.T) {
	cases := []struct {
		name  string
		f     ticket.Filter
		field string
	}{
		{"kind foo", ticket.Filter{Kind: "foo"}, "kind"},
		{"priority 9", ticket.Filter{Priority: pointerTo(9)}, "priority"},
		{"priority -1", ticket.Filter{Priority: pointerTo(-1)}, "priority"},
		{"garbage cursor", ticket.Filter{Cursor: "garbage!"}, "cursor"},
		{"base64 that is no cursor", ticket.Filter{Cursor: "aGVsbG8"}, "cursor"},
		{"cursor with letters", ticket.Filter{Cursor: "YS5iLmM"}, "cursor"},
		{"unknown team", ticket.Filter{Team: "nobody"}, "team"},
		{"unknown channel", ticket.Filter{Channel: "fax"}, "channel"},
		{"unknown assignee", ticket.Filter{Assignee: "ghost@example.com"}, "assignee"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		mustCreate(t, s, newTicket("Anything", "ada@example.com"))
		for _, tc := range cases {
			_, err := s.Tickets.List(context.Background(), tc.f)
			if testutil.Fields(err)[tc.field] == "" {
				t.Errorf("%s: error %v, want a message for %s", tc.name, err, tc.field)
			}
		}
	})
}

func TestListSearch(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		agent := mustOperator(t, s, "agent@frontdesk.test", "Agent")
		inv := openAt(t, s, "Invoice missing for March", 0, 3*time.Hour)
		login := openAt(t, s, "Login problem", 0, 2*time.Hour)
		openAt(t, s, "Refund request", 0, time.Hour) // description: "Hello, my order has not arrived."
		for _, m := range []ticket.NewMessage{
			{Kind: ticket.Reply, Body: "Try resetting your password.", OperatorID: agent.ID, CreatedAt: listBase.Add(4 * time.Hour)},
			{Kind: ticket.Customer, Body: "The reset e-mail never came; my INVOICE is fine.", ContactID: login.Contact.ID,
				CreatedAt: listBase.Add(5 * time.Hour)},
		} {
			if _, err := s.Tickets.AddMessage(ctx, login.ID, m); err != nil {
				t.Fatal(err)
			}
		}
		cases := []struct {
			q    string
			want []string
		}{
			{"invoice", []string{"Login problem", "Invoice missing for March"}},
			{"INVOICE march", []string{"Invoice missing for March"}},
			{"march invoice", []string{"Invoice missing for March"}},
			{"password", []string{"Login problem"}},
			{"Password reset", []string{"Login problem"}},
			{"e-mail", []string{"Login problem"}},
			{"password march", []string{}},
			{"arrived", []string{"Login problem", "Invoice missing for March", "Refund request"}},
			{"refund", []string{"Refund request"}},
			{"nothing-like-this", []string{}},
			{"  ", []string{"Login problem", "Invoice missing for March", "Refund request"}},
			{"!!! ?? -- ;", []string{"Login problem", "Invoice missing for March", "Refund request"}},
			{`"invoice`, []string{"Login problem", "Invoice missing for March"}},
			{"invoice OR refund", []string{}},
			{"missing*", []string{"Invoice missing for March"}},
		}
		for _, tc := range cases {
			if got := listSubjects(t, s, ticket.Filter{Q: tc.q}); !slices.Equal(got, tc.want) {
				t.Errorf("q %q: %q, want %q", tc.q, got, tc.want)
			}
		}
		if got := listSubjects(t, s, ticket.Filter{Q: "invoice", Kind: "open", Limit: 1}); !slices.Equal(got, []string{"Login problem"}) {
			t.Errorf("search with filters and limit: %q", got)
		}
		patchTicket(t, s, inv.ID, ticket.Patch{Subject: pointerTo("Billing question")})
		renamed := []struct {
			q    string
			want []string
		}{
			{"march", []string{}},
			{"billing", []string{"Billing question"}},
			{"billing arrived", []string{"Billing question"}},
		}
		for _, tc := range renamed {
			if got := listSubjects(t, s, ticket.Filter{Q: tc.q}); !slices.Equal(got, tc.want) {
				t.Errorf("after renaming, q %q: %q, want %q", tc.q, got, tc.want)
			}
		}
	})
}

// A list of rows (the agent app's lists) reads each ticket as a list
// shows it: everything a whole read gives but the description, the tags,
// the public link, a closed ticket's SLA and the address of a contact
// who has a name; a board
// card, the same without the customer's mark.
func TestListRowsReadWhatListsShow(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		named := newTicket("Named customer", "kofi@example.com")
		named.Tags, named.Priority = []string{"billing", "vip"}, 2
		mustCreate(t, s, named)
		nameless := newTicket("No name given", "anon@example.com")
		nameless.Contact.FirstName = ""
		mustCreate(t, s, nameless)
		full, err := s.Tickets.List(ctx, ticket.Filter{Kind: "open"})
		if err != nil {
			t.Fatal(err)
		}
		brief, err := s.Tickets.List(ctx, ticket.Filter{Kind: "open", Load: ticket.Row})
		if err != nil {
			t.Fatal(err)
		}
		cards, err := s.Tickets.List(ctx, ticket.Filter{Kind: "open", Load: ticket.Card})
		if err != nil {
			t.Fatal(err)
		}
		if len(full.Items) != 2 || len(brief.Items) != 2 {
			t.Fatalf("%d full and %d brief tickets, want 2 each", len(full.Items), len(brief.Items))
		}
		for i, want := range full.Items {
			want.Description, want.Tags, want.PublicToken, want.PublicURL = "", []string{}, "", ""
			if want.Contact.FirstName+want.Contact.LastName != "" {
				want.Contact.Email = ""
			}
			if got := brief.Items[i]; !reflect.DeepEqual(got, want) {
				t.Errorf("row %d:\n got %+v\nwant %+v", i, got, want)
			}
			want.CustomerLast = false
			if got := cards.Items[i]; !reflect.DeepEqual(got, want) {
				t.Errorf("card %d:\n got %+v\nwant %+v", i, got, want)
			}
		}
		if got := brief.Items[1].Contact.Name; got != "anon@example.com" {
			t.Errorf("a contact without a name reads as %q in a list, want the address", got)
		}
	})
}
