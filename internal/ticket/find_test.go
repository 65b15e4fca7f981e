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
