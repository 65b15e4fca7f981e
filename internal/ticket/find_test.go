package ticket_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// The search box finds a ticket by its number, by its customer's full
// name, a prefix of it, their address or its domain, and by words of the
// thread, open or closed, as the top bar asks: contacts first, then
// their tickets.
func TestFindByNumberNameEmailAndWords(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		mk := func(subject, email, first, last string) ticket.Ticket {
			in := newTicket(subject, email)
			in.Contact.FirstName, in.Contact.LastName = first, last
			return mustCreate(t, s, in)
		}
		ines := mk("Invoice twice", "ines@yilmaz.example", "Ines", "Yilmaz")
		closed := mk("Login loop", "ines@yilmaz.example", "", "")
		patchTicket(t, s, closed.ID, ticket.Patch{Status: pointerTo("Closed")})
		other := mk("Parcel lost", "ben@other.example", "Ben", "Inessa")
		cases := []struct {
			q    string
			want []int64
		}{
			{fmt.Sprint(ines.Number), []int64{ines.ID}},
			{fmt.Sprintf("#%d", closed.Number), []int64{closed.ID}},
			{"Ines Yilmaz", []int64{closed.ID, ines.ID}},
			{"ines yil", []int64{closed.ID, ines.ID}},
			{"Yilmaz", []int64{closed.ID, ines.ID}},
			{"INES@yilmaz.example", []int64{closed.ID, ines.ID}},
			{"yilmaz.example", []int64{closed.ID, ines.ID}},
			{"@other.example", []int64{other.ID}},
			{"login", []int64{closed.ID}},
			{"parcel lost", []int64{other.ID}},
			{"#99999", nil},
			{"nothing here", nil},
		}
		for _, tc := range cases {
			if got := find(t, s, tc.q); !slices.Equal(got, tc.want) {
				t.Errorf("q=%q found %v, want %v", tc.q, got, tc.want)
			}
		}
	})
}

func find(t *testing.T, s *app.Services, q string) []int64 {
	t.Helper()
	ctx := context.Background()
	people, _, err := s.Contacts.List(ctx, contact.Filter{Q: q, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, c := range people {
		ids = append(ids, c.ID)
	}
	found, err := s.Tickets.Find(ctx, q, ids, 20)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, tk := range found {
		out = append(out, tk.ID)
	}
	return out
}

// A query that finds several customers lists the tickets of all of them,
// most pressing first across customers, each customer's limited to the
// page; the tickets come as a list shows them.
func TestFindTicketsOfSeveralContacts(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		mk := func(subject, email, first string, priority int) ticket.Ticket {
			in := newTicket(subject, email)
			in.Contact.FirstName, in.Contact.LastName, in.Priority = first, "Okafor", priority
			in.Tags = []string{"vip"}
			return mustCreate(t, s, in)
		}
		a1 := mk("Broken hinge", "chi@okafor.example", "Chi", 0)
		b1 := mk("Late parcel", "obi@okafor.example", "Obi", 3)
		a2 := mk("Wrong colour", "chi@okafor.example", "Chi", 2)
		b2 := mk("Refund status", "obi@okafor.example", "Obi", 0)
		ids := func(found []ticket.Ticket) []int64 {
			var out []int64
			for _, tk := range found {
				out = append(out, tk.ID)
			}
			return out
		}
		ctx := context.Background()
		people, _, err := s.Contacts.List(ctx, contact.Filter{Q: "okafor", Limit: 8})
		if err != nil || len(people) != 2 {
			t.Fatalf("okafor: %d contacts, %v", len(people), err)
		}
		contacts := []int64{people[0].ID, people[1].ID}
		found, err := s.Tickets.Find(ctx, "okafor", contacts, 10)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ids(found), []int64{b1.ID, a2.ID, b2.ID, a1.ID}; !slices.Equal(got, want) {
			t.Errorf("found %v, want %v (priority, then latest activity)", got, want)
		}
		if got := found[0]; got.Subject != "Late parcel" || got.Contact.Name != "Obi Okafor" || got.Status.Name != "New" ||
			got.Team.Slug != "support" || got.Priority != 3 {
			t.Errorf("first ticket read as %+v", got)
		}
		// A page of one: each customer's most pressing ticket, then the
		// most pressing of those.
		found, err = s.Tickets.Find(ctx, "okafor", contacts, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ids(found), []int64{b1.ID}; !slices.Equal(got, want) {
			t.Errorf("limit 1 found %v, want %v", got, want)
		}
	})
}
