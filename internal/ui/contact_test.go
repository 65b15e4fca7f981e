package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// openFor creates a ticket from the customer who.
func (e *env) openFor(subject string, priority int, who contact.Identity) ticket.Ticket {
	e.t.Helper()
	tk, err := e.s.Tickets.Create(context.Background(), ticket.NewTicket{Subject: subject, Description: "Hello.",
		Team: "support", Priority: priority, Contact: who})
	if err != nil {
		e.t.Fatal(err)
	}
	return tk
}

// contact creates a contact without tickets.
func (e *env) contact(in contact.Identity, extra contact.Patch) contact.Contact {
	e.t.Helper()
	c, err := e.s.Contacts.Create(context.Background(), in, extra)
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

var (
	ada   = contact.Identity{Email: "ada@example.com", FirstName: "Ada", LastName: "Lovelace"}
	grace = contact.Identity{Email: "grace@navy.example", FirstName: "Grace", LastName: "Hopper"}
	evil  = contact.Identity{Email: "evil@example.com", FirstName: "<script>alert(1)</script>", LastName: "Mallory"}
)

// get fetches path as the agent and checks the status.
func (e *env) get(path string, status int) string {
	e.t.Helper()
	res, body := e.do(e.client("agent"), http.MethodGet, path, nil, nil)
	if res.StatusCode != status {
		e.t.Fatalf("GET %s: %d, want %d: %s", path, res.StatusCode, status, body)
	}
	return body
}

func TestContactsList(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.contact(ada, contact.Patch{Company: testutil.Ptr("Analytical Engines"), Phone: testutil.Ptr("+44 20 7946 0000")})
		e.contact(grace, contact.Patch{ExternalID: testutil.Ptr("navy-7")})
		e.contact(evil, contact.Patch{})
		escaped := "&lt;script&gt;alert(1)&lt;/script&gt;"
		cases := []struct {
			name, as, path       string
			status               int
			contains, notContain []string
		}{
			{"all, newest first", "agent", "/contacts", http.StatusOK, []string{escaped, "evil@example.com",
				"Grace Hopper", "navy-7", "Ada Lovelace", "ada@example.com", "Analytical Engines", "&#43;44 20 7946 0000",
				`aria-current="page">Contacts`}, []string{"<script>alert"}},
			{"by last name prefix, any case", "agent", "/contacts?q=LOVE", http.StatusOK, []string{"Ada Lovelace"},
				[]string{"Grace Hopper", "evil@example.com"}},
			{"by first name prefix", "agent", "/contacts?q=gra", http.StatusOK, []string{"Grace Hopper"},
				[]string{"Ada Lovelace"}},
			{"by email prefix", "agent", "/contacts?q=ada@ex", http.StatusOK, []string{"Ada Lovelace", `value="ada@ex"`},
				[]string{"Grace Hopper", "evil@example.com"}},
			{"nothing found", "agent", "/contacts?q=zebra", http.StatusOK, []string{"No contact matches “zebra”"},
				[]string{"Ada Lovelace"}},
			{"needs a session", "", "/contacts", http.StatusSeeOther, nil, []string{"Ada"}},
		}
		for _, tc := range cases {
			res, body := e.do(e.client(tc.as), http.MethodGet, tc.path, nil, nil)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
			}
			expect(t, tc.name, body, tc.contains, tc.notContain)
		}
		expectOrder(t, "newest first", e.get("/contacts", http.StatusOK), []string{"Mallory", "Grace Hopper", "Ada Lovelace"})
	})
}

func TestContactsLoadMore(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		for i := range 52 {
			e.contact(contact.Identity{Email: fmt.Sprintf("c%02d@example.com", i), FirstName: "Same"}, contact.Patch{})
		}
		body := e.get("/contacts?q=same", http.StatusOK)
		next := regexpFind(t, body, `href="(/contacts\?[^"]+)"`)
		expect(t, "first page", body, []string{"c51@example.com", "c02@example.com"}, []string{"c01@example.com"})
		more := e.get(strings.ReplaceAll(next, "&amp;", "&"), http.StatusOK)
		expect(t, "second page", more, []string{"c01@example.com", "c00@example.com"}, []string{"c02@example.com"})
	})
}

func TestContactPage(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		first := e.openFor("Broken engine", 3, ada)
		second := e.openFor("<script>alert(2)</script>", 0, ada)
		e.openFor("Not hers", 1, grace)
		if _, err := e.s.Tickets.Update(context.Background(), second.ID, ticket.Patch{Status: testutil.Ptr("Closed")}); err != nil {
			t.Fatal(err)
		}
		page := fmt.Sprintf("/contacts/%d", first.Contact.ID)
		body := e.get(page, http.StatusOK)
		expect(t, "contact page", body, []string{"Ada Lovelace", "ada@example.com", fmt.Sprintf(`href="/tickets/%d"`, first.Number),
			"Broken engine", fmt.Sprintf("#%d", first.Number), "Priority: urgent (3 of 3)", "&lt;script&gt;alert(2)&lt;/script&gt;",
			"Closed", "Merge another contact into this one"}, []string{"Not hers", "<script>alert"})
		expect(t, "ticket links the contact", e.get(fmt.Sprintf("/tickets/%d", first.Number), http.StatusOK),
			[]string{`href="` + page + `"`}, nil)
		e.get("/contacts/999999", http.StatusNotFound)
		e.get("/contacts/abc", http.StatusNotFound)
	})
}

func TestContactTicketsLoadMore(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		var last ticket.Ticket
		for i := range 27 {
			last = e.openFor(fmt.Sprintf("Question %02d", i), 0, ada)
		}
		body := e.get(fmt.Sprintf("/contacts/%d", last.Contact.ID), http.StatusOK)
		next := regexpFind(t, body, `href="(/contacts/\d+\?cursor=[^"]+)"`)
		more := e.get(next, http.StatusOK)
		for i := range 27 {
			s := fmt.Sprintf("Question %02d", i)
			if strings.Contains(body, s) == strings.Contains(more, s) {
				t.Errorf("%s is on both pages or on neither", s)
			}
		}
	})
}

func TestContactEdit(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.openFor("Broken engine", 1, ada)
		e.contact(grace, contact.Patch{})
		page := fmt.Sprintf("/contacts/%d", tk.Contact.ID)
		good := url.Values{"first_name": {"Augusta Ada"}, "last_name": {"King"}, "phone": {"+44 1234"},
			"emails": {"ada@example.com\n\n ada@engines.example "}, "company": {"Engines Ltd"},
			"external_id": {"u-1"}, "notes": {"Prefers <b>mail</b>."}}
		with := func(k, v string) url.Values {
			f := url.Values{}
			for key, vals := range good {
				f[key] = vals
			}
			f.Set(k, v)
			return f
		}
		cases := []struct {
			name     string
			form     url.Values
			csrf     bool
			status   int
			contains []string
		}{
			{"no csrf", good, false, http.StatusForbidden, nil},
			{"bad phone", with("phone", "call me maybe"), true, http.StatusUnprocessableEntity, []string{
				`id="phone-error"`, "The phone number must be a phone number", `value="call me maybe"`,
				`value="Augusta Ada"`, `aria-invalid="true"`, "Engines Ltd", "<details class=\"card edit\" open>"}},
			{"bad second email", with("emails", "ada@example.com\nnope"), true, http.StatusUnprocessableEntity,
				[]string{`id="emails-error"`, "“nope” must be a valid email address.", "ada@example.com\nnope"}},
			{"email of another contact", with("emails", "grace@navy.example"), true, http.StatusUnprocessableEntity,
				[]string{"belongs to contact", "merge the contacts instead"}},
			{"everything", good, true, http.StatusSeeOther, nil},
		}
		for _, tc := range cases {
			f := url.Values{}
			for k, v := range tc.form {
				f[k] = v
			}
			res, body := e.post(page, f, tc.csrf)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
			}
			expect(t, tc.name, body, tc.contains, nil)
		}
		got, err := e.s.Contacts.Get(context.Background(), tk.Contact.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.DisplayName() != "Augusta Ada King" || got.Phone != "+44 1234" || got.ExternalID == nil || *got.ExternalID != "u-1" ||
			got.Company == nil || got.Company.Name != "Engines Ltd" || fmt.Sprint(got.Emails) != "[ada@example.com ada@engines.example]" {
			t.Errorf("after the form: %+v", got)
		}
		expect(t, "saved", e.get(page+"?done=saved", http.StatusOK), []string{"The contact was saved.",
			"Augusta Ada King", "ada@engines.example", "Prefers &lt;b&gt;mail&lt;/b&gt;."}, []string{"<b>mail"})
	})
}

func TestContactMerge(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		kept := e.openFor("First question", 1, ada)
		dup := e.openFor("Asked again from work", 2, contact.Identity{Email: "a.lovelace@work.example", FirstName: "A."})
		into, from := kept.Contact.ID, dup.Contact.ID
		mergeURL := fmt.Sprintf("/contacts/%d/merge", into)
		expect(t, "search", e.get(mergeURL+"?from=a.love", http.StatusOK),
			[]string{fmt.Sprintf(`href="%s?from=%d"`, mergeURL, from), "a.lovelace@work.example"}, nil)
		expect(t, "confirm", e.get(fmt.Sprintf("%s?from=%d", mergeURL, from), http.StatusOK), []string{"What will happen",
			"a.lovelace@work.example", "Ada Lovelace", "Kept", fmt.Sprintf(`name="from" value="%d"`, from)}, nil)
		expect(t, "itself", e.get(fmt.Sprintf("%s?from=%d", mergeURL, into), http.StatusOK),
			[]string{"That is this contact"}, []string{"What will happen"})

		if res, _ := e.post(mergeURL, url.Values{"from": {fmt.Sprint(from)}}, false); res.StatusCode != http.StatusForbidden {
			t.Fatalf("no csrf: %d", res.StatusCode)
		}
		res, body := e.post(mergeURL, url.Values{"from": {fmt.Sprint(from)}}, true)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("merge: %d %s", res.StatusCode, body)
		}
		expect(t, "after the merge", e.get(res.Header.Get("Location"), http.StatusOK), []string{"was merged into this one",
			"First question", "Asked again from work", "a.lovelace@work.example"}, nil)
		res, _ = e.do(e.client("agent"), http.MethodGet, fmt.Sprintf("/contacts/%d", from), nil, nil)
		if loc := res.Header.Get("Location"); res.StatusCode != http.StatusFound || loc != fmt.Sprintf("/contacts/%d", into) {
			t.Errorf("the merged contact: %d to %q", res.StatusCode, loc)
		}
	})
}

func TestContactMergeRefused(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		a := e.contact(contact.Identity{Email: "one@example.com", ExternalID: "shop-1"}, contact.Patch{})
		b := e.contact(contact.Identity{Email: "two@example.com", ExternalID: "shop-2"}, contact.Patch{})
		res, body := e.post(fmt.Sprintf("/contacts/%d/merge", a.ID), url.Values{"from": {fmt.Sprint(b.ID)}}, true)
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("merge: %d %s", res.StatusCode, body)
		}
		expect(t, "refused", body, []string{`role="alert"`, "These contacts were not merged.",
			"different external ids", "two@example.com"}, nil)
		if got, _ := e.s.Contacts.Get(context.Background(), b.ID); got.MergedInto != nil {
			t.Error("merged anyway")
		}
	})
}

// regexpFind returns the first group of pattern in body.
func regexpFind(t *testing.T, body, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s in:\n%s", pattern, body)
	}
	return m[1]
}
