package demo_test

import (
	"context"
	"regexp"
	"strconv"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/demo"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// small keeps the test quick; the minimum of tickets still covers every status.
var small = demo.Options{Tickets: 40}

func fill(t *testing.T, s *app.Services) demo.Summary {
	t.Helper()
	sum, err := demo.Fill(context.Background(), s, small)
	if err != nil {
		t.Fatalf("Fill: %v", err)
	}
	return sum
}

// expectSome fails unless the ticket list with f has an item.
func expectSome(t *testing.T, s *app.Services, what string, f ticket.Filter) {
	t.Helper()
	f.Limit = 1
	page, err := s.Tickets.List(context.Background(), f)
	if err != nil || len(page.Items) == 0 {
		t.Errorf("no ticket %s (%v)", what, err)
	}
}

func allTickets(t *testing.T, s *app.Services) []ticket.Ticket {
	t.Helper()
	var out []ticket.Ticket
	f := ticket.Filter{Limit: 200}
	for {
		page, err := s.Tickets.List(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page.Items...)
		if page.NextCursor == "" {
			return out
		}
		f.Cursor = page.NextCursor
	}
}

func TestFillCoversEveryStatusPriorityAndChannel(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		sum := fill(t, s)
		if len(sum.Teams) != 4 || len(sum.Operators) != 8 || sum.Tickets < small.Tickets || sum.Password == "" {
			t.Fatalf("summary = %+v", sum)
		}
		for _, ref := range sum.Teams {
			tm, _ := s.Teams.Get(ctx, ref.ID)
			p, err := s.Pipelines.Get(ctx, tm.PipelineID)
			if err != nil {
				t.Fatal(err)
			}
			for _, st := range p.Statuses {
				expectSome(t, s, ref.Slug+" in "+st.Name, ticket.Filter{Team: ref.Slug, Status: strconv.FormatInt(st.ID, 10)})
			}
		}
		for pr := range ticket.MaxPriority + 1 {
			expectSome(t, s, "of priority "+strconv.Itoa(pr), ticket.Filter{Priority: &pr})
		}
		for _, ch := range []string{"email", "web_form", "widget", "chat", "manual", "api"} {
			expectSome(t, s, "from "+ch, ticket.Filter{Channel: ch})
		}
		expectSome(t, s, "unassigned", ticket.Filter{Assignee: "none"})
		if _, err := s.Operators.Authenticate(ctx, sum.Operators[0].Email, sum.Password); err != nil {
			t.Errorf("sign-in with the demo password: %v", err)
		}
	})
}

var placeholder = regexp.MustCompile(`\{[a-z0-9]+\}`)

func TestThreadsReadLikeConversations(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		fill(t, s)
		var noted *ticket.Message
		var discussed, reopened bool
		for _, tk := range allTickets(t, s) {
			msgs, err := s.Tickets.Messages(ctx, tk.ID, false)
			if err != nil || len(msgs) == 0 || msgs[0].Kind != ticket.Customer {
				t.Fatalf("ticket %d thread = %v, %v; want a customer's message first", tk.Number, msgs, err)
			}
			kinds := map[ticket.MessageKind]bool{}
			for i, m := range msgs {
				kinds[m.Kind] = true
				if placeholder.MatchString(m.Body) {
					t.Errorf("ticket %d message %d has a placeholder left: %q", tk.Number, i, m.Body)
				}
				if m.Kind == ticket.Note && noted == nil {
					noted = &msgs[i]
				}
				if i > 0 && m.CreatedAt.Before(msgs[i-1].CreatedAt) {
					t.Errorf("ticket %d: message %d is older than the one before", tk.Number, i)
				}
			}
			discussed = discussed || kinds[ticket.Note] && kinds[ticket.Reply] && kinds[ticket.Customer]
			reopened = reopened || hasEvent(t, s, tk.ID, ticket.EventReopened)
		}
		if !discussed || !reopened || noted == nil {
			t.Fatalf("want a thread with customer, reply and note (%v) and a reopened ticket (%v)", discussed, reopened)
		}
		// Notes go into the search index like any message.
		expectSome(t, s, "found by a word of a note", ticket.Filter{Q: longestWord(noted.Body)})
	})
}

func hasEvent(t *testing.T, s *app.Services, id int64, kind string) bool {
	t.Helper()
	events, err := s.Tickets.History(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.Kind == kind {
			return true
		}
	}
	return false
}

func longestWord(text string) string {
	best := ""
	for _, w := range regexp.MustCompile(`[A-Za-z]+`).FindAllString(text, -1) {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

func TestContactsAndSecondRun(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		first := fill(t, s)
		contacts := listContacts(t, s)
		checkVariety(t, contacts)

		second := fill(t, s)
		if second.Tickets != first.Tickets {
			t.Errorf("second run added %d tickets, want %d", second.Tickets, first.Tickets)
		}
		for i, op := range second.Operators {
			if op.ID != first.Operators[i].ID {
				t.Errorf("operator %s was made again", op.Email)
			}
		}
		teams, _ := s.Teams.List(ctx)
		ops, _ := s.Operators.Count(ctx)
		if len(teams) != 4 || ops != 8 || len(listContacts(t, s)) != len(contacts) {
			t.Errorf("after a second run: %d teams, %d operators, %d contacts; want 4, 8 and %d as before",
				len(teams), ops, len(listContacts(t, s)), len(contacts))
		}
		if len(allTickets(t, s)) != first.Tickets+second.Tickets {
			t.Errorf("tickets of both runs are not all there")
		}
	})
}

// checkVariety wants a hundred contacts, some with an external id, some
// with a phone, and companies that several contacts share.
func checkVariety(t *testing.T, contacts []contact.Contact) {
	t.Helper()
	if len(contacts) < 100 {
		t.Fatalf("%d contacts, want at least 100", len(contacts))
	}
	var external, phones int
	companies := map[int64]int{}
	for _, c := range contacts {
		if c.ExternalID != nil {
			external++
		}
		if c.Phone != "" {
			phones++
		}
		if c.Company != nil {
			companies[c.Company.ID]++
		}
	}
	shared := 0
	for _, n := range companies {
		if n > 1 {
			shared++
		}
	}
	if external < 10 || phones < 10 || shared < 2 {
		t.Errorf("contacts: %d with external id, %d with phone, %d companies with several; want some of each",
			external, phones, shared)
	}
}

func listContacts(t *testing.T, s *app.Services) []contact.Contact {
	t.Helper()
	var out []contact.Contact
	f := contact.Filter{Limit: 200}
	for {
		page, next, err := s.Contacts.List(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page...)
		if next == 0 {
			return out
		}
		f.After = next
	}
}
