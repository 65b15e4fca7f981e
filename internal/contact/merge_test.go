package contact_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// mergeFixture is two contacts: src with two addresses and a ticket on
// each, dst with one ticket.
type mergeFixture struct {
	src, dst          contact.Contact
	srcT, srcT2, dstT ticket.Ticket
}

func newMergeFixture(t *testing.T, s *app.Services) mergeFixture {
	t.Helper()
	ctx := context.Background()
	var f mergeFixture
	f.src = mustCreate(t, s, contact.Identity{Email: "old@example.com", Phone: "555 0100"},
		contact.Patch{Notes: testutil.Ptr("VIP"), Company: testutil.Ptr("Initech"), Emails: &[]string{"old@example.com", "older@example.com"}})
	f.dst = mustCreate(t, s, contact.Identity{Email: "new@example.com", FirstName: "Yan"}, contact.Patch{})
	open := func(subject, email string) ticket.Ticket {
		tk, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: subject, Description: "Help", Team: "support",
			Contact: contact.Identity{Email: email}})
		if err != nil {
			t.Fatal(err)
		}
		return tk
	}
	f.srcT, f.srcT2, f.dstT = open("From old", "old@example.com"), open("Also old", "older@example.com"), open("From new", "new@example.com")
	return f
}

func TestMergeMovesAddressesTicketsAndFillsFields(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		f := newMergeFixture(t, s)
		got, err := s.Contacts.Merge(ctx, f.src.ID, f.dst.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != f.dst.ID || !slices.Equal(got.Emails, []string{"new@example.com", "old@example.com", "older@example.com"}) {
			t.Errorf("merged contact %d emails %v, want dst with its own address first", got.ID, got.Emails)
		}
		if got.FirstName != "Yan" || got.Phone != "555 0100" || got.Notes != "VIP" || got.Company == nil || got.Company.Name != "Initech" {
			t.Errorf("merged fields = %+v, want dst's name kept and src's phone, notes, company filled in", got)
		}
		for _, tk := range []ticket.Ticket{f.srcT, f.srcT2} {
			now, err := s.Tickets.Get(ctx, tk.ID)
			if err != nil {
				t.Fatal(err)
			}
			if now.Contact.ID != f.dst.ID || now.Contact.Email != "new@example.com" {
				t.Errorf("ticket %q contact = %+v, want the destination", tk.Subject, now.Contact)
			}
			if n := eventCount(t, s, tk.ID, ticket.EventMerged); n != 1 {
				t.Errorf("ticket %q has %d contact_merged events, want 1", tk.Subject, n)
			}
			msgs, err := s.Tickets.Messages(ctx, tk.ID, false)
			if err != nil || len(msgs) == 0 || msgs[0].Author.ID != f.dst.ID {
				t.Errorf("ticket %q first message author = %+v (%v), want the destination", tk.Subject, msgs, err)
			}
		}
		if n := eventCount(t, s, f.dstT.ID, ticket.EventMerged); n != 0 {
			t.Errorf("dst's own ticket got %d contact_merged events, want 0", n)
		}
		src := mustGet(t, s, f.src.ID)
		if src.MergedInto == nil || *src.MergedInto != f.dst.ID || len(src.Emails) != 0 {
			t.Errorf("source after merge = %+v, want a pointer to dst and no addresses", src)
		}
		if id, err := resolve(t, s, contact.Identity{Email: "older@example.com"}); err != nil || id != f.dst.ID {
			t.Errorf("intake by a moved address finds %d (%v), want %d", id, err, f.dst.ID)
		}
		page, err := s.Tickets.List(ctx, ticket.Filter{ContactID: f.dst.ID})
		if err != nil || len(page.Items) != 3 {
			t.Errorf("dst lists %d tickets (%v), want 3", len(page.Items), err)
		}
	})
}

func eventCount(t *testing.T, s *app.Services, ticketID int64, kind string) int {
	t.Helper()
	events, err := s.Tickets.History(context.Background(), ticketID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range events {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

func TestMergeExternalIDs(t *testing.T) {
	cases := []struct {
		name             string
		srcExt, dstExt   string
		conflict         bool
		wantExtAfterward string
	}{
		{name: "different external ids are different customers", srcExt: "u-1", dstExt: "u-2", conflict: true},
		{name: "src's external id moves to dst", srcExt: "u-1", wantExtAfterward: "u-1"},
		{name: "dst keeps its external id", dstExt: "u-2", wantExtAfterward: "u-2"},
		{name: "neither has an external id", wantExtAfterward: ""},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		for i, tc := range cases {
			prefix := string(rune('a' + i))
			src := mustCreate(t, s, contact.Identity{Email: prefix + "-src@example.com"}, contact.Patch{})
			dst := mustCreate(t, s, contact.Identity{Email: prefix + "-dst@example.com"}, contact.Patch{})
			if tc.srcExt != "" {
				src = mustUpdate(t, s, src.ID, contact.Patch{ExternalID: testutil.Ptr(prefix + tc.srcExt)})
			}
			if tc.dstExt != "" {
				dst = mustUpdate(t, s, dst.ID, contact.Patch{ExternalID: testutil.Ptr(prefix + tc.dstExt)})
			}
			got, err := s.Contacts.Merge(ctx, src.ID, dst.ID, 0)
			if tc.conflict {
				if !errors.Is(err, domain.ErrConflict) {
					t.Errorf("%s: error %v, want a conflict", tc.name, err)
				}
				if after := mustGet(t, s, src.ID); after.MergedInto != nil || len(after.Emails) != 1 || ext(after) != prefix+tc.srcExt {
					t.Errorf("%s: refused merge changed the source: %+v", tc.name, after)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			want := ""
			if tc.wantExtAfterward != "" {
				want = prefix + tc.wantExtAfterward
			}
			if ext(got) != want {
				t.Errorf("%s: external id after merge %q, want %q", tc.name, ext(got), want)
			}
			if want != "" {
				if id, err := resolve(t, s, contact.Identity{ExternalID: want}); err != nil || id != dst.ID {
					t.Errorf("%s: intake by %s finds %d (%v), want dst %d", tc.name, want, id, err, dst.ID)
				}
			}
		}
	})
}

func TestMergeRefusals(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		a := mustCreate(t, s, contact.Identity{Email: "a@example.com"}, contact.Patch{})
		b := mustCreate(t, s, contact.Identity{Email: "b@example.com"}, contact.Patch{})
		c := mustCreate(t, s, contact.Identity{Email: "c@example.com"}, contact.Patch{})
		if _, err := s.Contacts.Merge(ctx, a.ID, a.ID, 0); testutil.Fields(err)["into"] == "" {
			t.Errorf("self-merge: %v, want a field error", err)
		}
		if _, err := s.Contacts.Merge(ctx, a.ID, b.ID, 0); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name     string
			src, dst int64
			want     error
		}{
			{"merged source", a.ID, c.ID, domain.ErrConflict},
			{"merged destination", c.ID, a.ID, domain.ErrConflict},
			{"missing source", 999999, c.ID, domain.ErrNotFound},
			{"missing destination", c.ID, 999999, domain.ErrNotFound},
		}
		for _, tc := range cases {
			if _, err := s.Contacts.Merge(ctx, tc.src, tc.dst, 0); !errors.Is(err, tc.want) {
				t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
			}
		}
		if got := mustGet(t, s, c.ID); got.MergedInto != nil || !slices.Equal(got.Emails, []string{"c@example.com"}) {
			t.Errorf("refused merges changed c: %+v", got)
		}
	})
}
