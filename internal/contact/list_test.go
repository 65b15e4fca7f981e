package contact_test

import (
	"context"
	"slices"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestListFiltersAndPages(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		mk := func(email, first, last, extID string) int64 {
			return mustCreate(t, s, contact.Identity{Email: email, FirstName: first, LastName: last, ExternalID: extID}, contact.Patch{}).ID
		}
		alice := mk("alice@alpha.com", "Alice", "Zed", "")
		bob := mk("bob@beta.com", "Bob", "Alder", "ext-bob")
		carol := mk("carol@alpha.com", "Carol", "", "")
		alan := mk("alan@gamma.com", "Alan", "Smith", "")
		dora := mk("dora@delta.com", "Dora", "", "")
		if _, err := s.Contacts.Merge(ctx, dora, carol, 0); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			f    contact.Filter
			want []int64
		}{
			{"everyone but the merged, newest first", contact.Filter{}, []int64{alan, carol, bob, alice}},
			{"email in any case", contact.Filter{Email: "BOB@Beta.com"}, []int64{bob}},
			{"email moved by a merge", contact.Filter{Email: "dora@delta.com"}, []int64{carol}},
			{"unknown email", contact.Filter{Email: "nobody@example.com"}, nil},
			{"external id", contact.Filter{ExternalID: "ext-bob"}, []int64{bob}},
			{"prefix of address, first or last name", contact.Filter{Q: "AL"}, []int64{alan, bob, alice}},
			{"prefix of last name", contact.Filter{Q: "smi"}, []int64{alan}},
			{"domain is not a prefix", contact.Filter{Q: "alpha"}, nil},
			{"whole domain", contact.Filter{Q: "Alpha.com"}, []int64{carol, alice}},
			{"domain with its @", contact.Filter{Q: "@alpha.com"}, []int64{carol, alice}},
			{"part of a domain", contact.Filter{Q: "pha.com"}, nil},
			{"full name", contact.Filter{Q: "Alan Smith"}, []int64{alan}},
			{"full name with a prefix of the last", contact.Filter{Q: "alan  smi"}, []int64{alan}},
			{"last name first", contact.Filter{Q: "Smith Alan"}, []int64{alan}},
			{"first and last of two people", contact.Filter{Q: "Alice Smith"}, nil},
			{"merged contact's name is hidden", contact.Filter{Q: "dora"}, []int64{carol}},
			{"q and email together", contact.Filter{Q: "al", Email: "alice@alpha.com"}, []int64{alice}},
		}
		for _, tc := range cases {
			list, next, err := s.Contacts.List(ctx, tc.f)
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			var got []int64
			for _, c := range list {
				got = append(got, c.ID)
			}
			if !slices.Equal(got, tc.want) || next != 0 {
				t.Errorf("%s: ids %v next %d, want %v and no next page", tc.name, got, next, tc.want)
			}
		}
		var seen []int64
		f := contact.Filter{Limit: 3}
		for pages := 0; ; pages++ {
			if pages > 5 {
				t.Fatal("paging does not end")
			}
			list, next, err := s.Contacts.List(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range list {
				seen = append(seen, c.ID)
			}
			if next == 0 {
				break
			}
			f.After = next
		}
		if !slices.Equal(seen, []int64{alan, carol, bob, alice}) {
			t.Errorf("paging with limit 3 visits %v, want every contact once, newest first", seen)
		}
	})
}

// A full name shared by a page of people lists them; the people whose last
// name only starts with the words typed show when fewer share it whole.
func TestListWholeNamesFirst(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		prefixOnly := mustCreate(t, s, contact.Identity{Email: "ines.y@old.example", FirstName: "Ines", LastName: "Yilmazer"}, contact.Patch{}).ID
		var whole []int64
		for _, email := range []string{"i1@example.com", "i2@example.com", "i3@example.com"} {
			whole = append(whole, mustCreate(t, s, contact.Identity{Email: email, FirstName: "Ines", LastName: "Yilmaz"}, contact.Patch{}).ID)
		}
		ids := func(f contact.Filter) []int64 {
			list, _, err := s.Contacts.List(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, c := range list {
				out = append(out, c.ID)
			}
			return out
		}
		if got := ids(contact.Filter{Q: "ines yilmaz", Limit: 2}); !slices.Equal(got, []int64{whole[2], whole[1]}) {
			t.Errorf("a page of whole-name matches: %v, want %v", got, whole[1:])
		}
		if got := ids(contact.Filter{Q: "Ines Yilmaz", Limit: 10}); !slices.Equal(got, []int64{whole[2], whole[1], whole[0], prefixOnly}) {
			t.Errorf("fewer than a page: %v, want the three and the prefix match %d", got, prefixOnly)
		}
		if got := ids(contact.Filter{Q: "Ines Yil", Limit: 2}); len(got) != 2 {
			t.Errorf("a prefix still finds people: %v", got)
		}
	})
}
