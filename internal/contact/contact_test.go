package contact_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// resolve runs intake linking the way a channel does: inside a transaction.
func resolve(t *testing.T, s *app.Services, in contact.Identity) (int64, error) {
	t.Helper()
	var id int64
	err := s.DB.WithTx(context.Background(), func(tx *db.Tx) error {
		var err error
		id, err = s.Contacts.Resolve(context.Background(), tx, in)
		return err
	})
	return id, err
}

func mustCreate(t *testing.T, s *app.Services, in contact.Identity, extra contact.Patch) contact.Contact {
	t.Helper()
	c, err := s.Contacts.Create(context.Background(), in, extra)
	if err != nil {
		t.Fatalf("create contact %+v: %v", in, err)
	}
	return c
}

func mustUpdate(t *testing.T, s *app.Services, id int64, p contact.Patch) contact.Contact {
	t.Helper()
	c, err := s.Contacts.Update(context.Background(), id, p)
	if err != nil {
		t.Fatalf("update contact %d: %v", id, err)
	}
	return c
}

func mustGet(t *testing.T, s *app.Services, id int64) contact.Contact {
	t.Helper()
	c, err := s.Contacts.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("get contact %d: %v", id, err)
	}
	return c
}

func countContacts(t *testing.T, d *db.DB) int {
	t.Helper()
	var n int
	if err := d.Read.QueryRow(`SELECT count(*) FROM contacts`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func ext(c contact.Contact) string {
	if c.ExternalID == nil {
		return ""
	}
	return *c.ExternalID
}

func TestResolveLinksByExternalIDThenEmail(t *testing.T) {
	// Steps run in order on one database; "want" names the contact the
	// identity must resolve to, or a new label for a contact that must be new.
	steps := []struct {
		name  string
		in    contact.Identity
		want  string
		check func(t *testing.T, c contact.Contact)
	}{
		{name: "unknown email creates a contact", in: contact.Identity{Email: "Ada@Example.com", FirstName: " Ada "},
			want: "ada", check: func(t *testing.T, c contact.Contact) {
				if c.Email != "ada@example.com" || c.FirstName != "Ada" || c.ExternalID != nil {
					t.Errorf("new contact = %+v, want lower-cased address, trimmed name, no external id", c)
				}
			}},
		{name: "unknown external id creates a contact", in: contact.Identity{ExternalID: "u-2", Email: "bob@example.com"},
			want: "bob"},
		{name: "email in another case finds the contact", in: contact.Identity{Email: "  ADA@EXAMPLE.COM "}, want: "ada"},
		{name: "external id wins over a new address and adds it", in: contact.Identity{ExternalID: "u-2", Email: "bob.work@example.com"},
			want: "bob", check: func(t *testing.T, c contact.Contact) {
				if !slices.Equal(c.Emails, []string{"bob@example.com", "bob.work@example.com"}) {
					t.Errorf("emails = %v, want the old primary then the new address", c.Emails)
				}
			}},
		{name: "email match without external id takes it", in: contact.Identity{ExternalID: "u-1", Email: "ada@example.com"},
			want: "ada", check: func(t *testing.T, c contact.Contact) {
				if ext(c) != "u-1" {
					t.Errorf("external id = %q, want u-1 claimed by the email match", ext(c))
				}
			}},
		{name: "external id alone now finds it", in: contact.Identity{ExternalID: "u-1"}, want: "ada"},
		{name: "email owned by a contact with another external id is a new customer",
			in: contact.Identity{ExternalID: "u-3", Email: "bob@example.com", FirstName: "Robert"}, want: "u3",
			check: func(t *testing.T, c contact.Contact) {
				if ext(c) != "u-3" || len(c.Emails) != 0 || c.FirstName != "Robert" {
					t.Errorf("contact = %+v, want external id u-3 and no address (bob's stays with bob)", c)
				}
			}},
		{name: "the address stays with its owner", in: contact.Identity{Email: "bob@example.com"}, want: "bob"},
		{name: "the owner keeps its external id", in: contact.Identity{ExternalID: "u-2"}, want: "bob"},
		{name: "the new customer is found again", in: contact.Identity{ExternalID: "u-3", Email: "bob@example.com"}, want: "u3"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ids := map[string]int64{}
		for _, st := range steps {
			id, err := resolve(t, s, st.in)
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			if known, ok := ids[st.want]; !ok {
				for label, other := range ids {
					if other == id {
						t.Fatalf("%s: resolved to %s (%d), want a new contact", st.name, label, id)
					}
				}
				ids[st.want] = id
			} else if id != known {
				t.Fatalf("%s: resolved to contact %d, want %s (%d)", st.name, id, st.want, known)
			}
			if st.check != nil {
				st.check(t, mustGet(t, s, id))
			}
		}
		if n := countContacts(t, d); n != 3 {
			t.Errorf("%d contacts after intake, want 3 (ada, bob, u-3)", n)
		}
	})
}

func TestResolveRejectsBadIdentity(t *testing.T) {
	cases := []struct {
		name  string
		in    contact.Identity
		field string
	}{
		{"no email and no external id", contact.Identity{FirstName: "Ada"}, "email"},
		{"malformed email", contact.Identity{Email: "ada at example"}, "email"},
		{"display name is not an address", contact.Identity{Email: "Ada <ada@example.com>"}, "email"},
		{"bad phone", contact.Identity{Email: "ada@example.com", Phone: "call me maybe"}, "phone"},
		{"long external id", contact.Identity{ExternalID: strings.Repeat("x", 201)}, "external_id"},
		{"long first name", contact.Identity{Email: "ada@example.com", FirstName: strings.Repeat("a", 101)}, "first_name"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		for _, tc := range cases {
			_, err := resolve(t, s, tc.in)
			if testutil.Fields(err)[tc.field] == "" {
				t.Errorf("%s: error %v, want a message for field %s", tc.name, err, tc.field)
			}
		}
		if n := countContacts(t, d); n != 0 {
			t.Errorf("%d contacts after rejected intakes, want 0", n)
		}
	})
}

func TestCreateRefusesTakenEmailOrExternalID(t *testing.T) {
	cases := []struct {
		name   string
		in     contact.Identity
		fields []string
	}{
		{"taken email", contact.Identity{Email: "taken@example.com"}, []string{"email"}},
		{"taken email in another case", contact.Identity{Email: "TAKEN@example.com"}, []string{"email"}},
		{"taken external id", contact.Identity{Email: "free@example.com", ExternalID: "ext-1"}, []string{"external_id"}},
		{"both taken", contact.Identity{Email: "taken@example.com", ExternalID: "ext-1"}, []string{"email", "external_id"}},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		owner := mustCreate(t, s, contact.Identity{Email: "taken@example.com", ExternalID: "ext-1"}, contact.Patch{})
		for _, tc := range cases {
			_, err := s.Contacts.Create(context.Background(), tc.in, contact.Patch{})
			f := testutil.Fields(err)
			if len(f) != len(tc.fields) {
				t.Errorf("%s: fields %v, want exactly %v", tc.name, f, tc.fields)
			}
			for _, name := range tc.fields {
				if !strings.Contains(f[name], "belongs to contact") {
					t.Errorf("%s: %s message %q, want it to name the owner", tc.name, name, f[name])
				}
			}
		}
		if n := countContacts(t, d); n != 1 {
			t.Errorf("%d contacts, want only the owner", n)
		}
		if got := mustGet(t, s, owner.ID); !slices.Equal(got.Emails, []string{"taken@example.com"}) || ext(got) != "ext-1" {
			t.Errorf("owner changed: %+v", got)
		}
	})
}

func TestCreateAppliesExtraFields(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		c := mustCreate(t, s, contact.Identity{Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper"},
			contact.Patch{Notes: testutil.Ptr("Prefers phone"), Company: testutil.Ptr("Navy")})
		if c.Name != "Grace Hopper" || c.Notes != "Prefers phone" || c.Company == nil || c.Company.Name != "Navy" {
			t.Errorf("created = %+v", c)
		}
	})
}

func TestUpdateContact(t *testing.T) {
	cases := []struct {
		name  string
		patch contact.Patch
		field string // the field error expected; "" for success
		check func(t *testing.T, c contact.Contact)
	}{
		{name: "replace the addresses, primary first",
			patch: contact.Patch{Emails: &[]string{"Main@Example.com", "old@example.com", "third@example.com"}},
			check: func(t *testing.T, c contact.Contact) {
				if c.Email != "main@example.com" || !slices.Equal(c.Emails, []string{"main@example.com", "old@example.com", "third@example.com"}) {
					t.Errorf("email %q, emails %v", c.Email, c.Emails)
				}
			}},
		{name: "drop an address",
			patch: contact.Patch{Emails: &[]string{"third@example.com"}},
			check: func(t *testing.T, c contact.Contact) {
				if !slices.Equal(c.Emails, []string{"third@example.com"}) {
					t.Errorf("emails %v, want only third@example.com", c.Emails)
				}
			}},
		{name: "address of another contact", patch: contact.Patch{Emails: &[]string{"mine@example.com", "other@example.com"}},
			field: "emails[1]"},
		{name: "malformed address", patch: contact.Patch{Emails: &[]string{"nope"}}, field: "emails[0]"},
		{name: "names and notes", patch: contact.Patch{FirstName: testutil.Ptr(" Linus "), LastName: testutil.Ptr("Pauling"), Notes: testutil.Ptr("two prizes")},
			check: func(t *testing.T, c contact.Contact) {
				if c.FirstName != "Linus" || c.Name != "Linus Pauling" || c.Notes != "two prizes" {
					t.Errorf("contact = %+v", c)
				}
			}},
		{name: "valid phone", patch: contact.Patch{Phone: testutil.Ptr(" +44 (20) 7946-0958 ")},
			check: func(t *testing.T, c contact.Contact) {
				if c.Phone != "+44 (20) 7946-0958" {
					t.Errorf("phone %q", c.Phone)
				}
			}},
		{name: "letters in phone", patch: contact.Patch{Phone: testutil.Ptr("ask reception")}, field: "phone"},
		{name: "company by name is created", patch: contact.Patch{Company: testutil.Ptr("Initech")},
			check: func(t *testing.T, c contact.Contact) {
				if c.Company == nil || c.Company.Name != "Initech" {
					t.Errorf("company = %+v, want Initech", c.Company)
				}
			}},
		{name: "empty company unlinks", patch: contact.Patch{Company: testutil.Ptr("")},
			check: func(t *testing.T, c contact.Contact) {
				if c.Company != nil {
					t.Errorf("company = %+v, want none", c.Company)
				}
			}},
		{name: "external id of another contact", patch: contact.Patch{ExternalID: testutil.Ptr("other-ext")}, field: "external_id"},
		{name: "own external id", patch: contact.Patch{ExternalID: testutil.Ptr(" mine-ext ")},
			check: func(t *testing.T, c contact.Contact) {
				if ext(c) != "mine-ext" {
					t.Errorf("external id %q, want mine-ext", ext(c))
				}
			}},
		{name: "empty external id clears it", patch: contact.Patch{ExternalID: testutil.Ptr("")},
			check: func(t *testing.T, c contact.Contact) {
				if c.ExternalID != nil {
					t.Errorf("external id %q, want none", *c.ExternalID)
				}
			}},
		{name: "long last name", patch: contact.Patch{LastName: testutil.Ptr(strings.Repeat("z", 101))}, field: "last_name"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		c := mustCreate(t, s, contact.Identity{Email: "old@example.com"}, contact.Patch{})
		mustCreate(t, s, contact.Identity{Email: "other@example.com", ExternalID: "other-ext"}, contact.Patch{})
		for _, tc := range cases {
			before := mustGet(t, s, c.ID)
			got, err := s.Contacts.Update(ctx, c.ID, tc.patch)
			if tc.field != "" {
				if testutil.Fields(err)[tc.field] == "" {
					t.Errorf("%s: error %v, want a message for %s", tc.name, err, tc.field)
				}
				if after := mustGet(t, s, c.ID); !slices.Equal(after.Emails, before.Emails) || after.Phone != before.Phone ||
					ext(after) != ext(before) || after.LastName != before.LastName {
					t.Errorf("%s: refused update changed the contact: %+v -> %+v", tc.name, before, after)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			tc.check(t, got)
		}
		if _, err := s.Contacts.Update(ctx, 999999, contact.Patch{Notes: testutil.Ptr("x")}); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("update of a missing contact: %v, want not found", err)
		}
	})
}

func TestCompanyByNameIsShared(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		a := mustCreate(t, s, contact.Identity{Email: "a@example.com"}, contact.Patch{})
		b := mustCreate(t, s, contact.Identity{Email: "b@example.com"}, contact.Patch{})
		ca, err := s.Contacts.Update(ctx, a.ID, contact.Patch{Company: testutil.Ptr("Acme Ltd")})
		if err != nil {
			t.Fatal(err)
		}
		cb, err := s.Contacts.Update(ctx, b.ID, contact.Patch{Company: testutil.Ptr("  ACME LTD ")})
		if err != nil {
			t.Fatal(err)
		}
		if ca.Company == nil || cb.Company == nil || ca.Company.ID != cb.Company.ID {
			t.Errorf("companies %+v and %+v, want the same company found by name in any case", ca.Company, cb.Company)
		}
	})
}

func TestCompanyLinksContactsByEmailDomain(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		co, err := s.Contacts.CreateCompany(ctx, " Globex ", []string{"Globex.com", " globex.co.uk"})
		if err != nil {
			t.Fatal(err)
		}
		if co.Name != "Globex" || !slices.Equal(co.Domains, []string{"globex.com", "globex.co.uk"}) {
			t.Errorf("company = %+v, want trimmed name and lower-cased domains", co)
		}
		cases := []struct {
			email   string
			company int64
		}{
			{"hank@GLOBEX.com", co.ID},
			{"frank@globex.co.uk", co.ID},
			{"someone@sub.globex.com", 0},
			{"ada@example.com", 0},
		}
		for _, tc := range cases {
			id, err := resolve(t, s, contact.Identity{Email: tc.email})
			if err != nil {
				t.Fatal(err)
			}
			c := mustGet(t, s, id)
			var got int64
			if c.Company != nil {
				got = c.Company.ID
			}
			if got != tc.company {
				t.Errorf("%s: company %d, want %d", tc.email, got, tc.company)
			}
		}
		created := mustCreate(t, s, contact.Identity{Email: "lou@globex.com"}, contact.Patch{})
		if created.Company == nil || created.Company.ID != co.ID {
			t.Errorf("operator-created contact company = %+v, want Globex", created.Company)
		}
		if _, err := s.Contacts.CreateCompany(ctx, "Globex Copy", []string{"GLOBEX.COM"}); testutil.Fields(err)["domains"] == "" {
			t.Errorf("second company with the same domain: %v, want a domains error", err)
		}
		if _, err := s.Contacts.CreateCompany(ctx, "  ", nil); testutil.Fields(err)["name"] == "" {
			t.Errorf("company without a name: %v, want a name error", err)
		}
	})
}
