package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestNewTicket(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		ada := e.open("Earlier question", 0, "") // makes Ada Lovelace a contact
		teams, err := e.s.Teams.List(ctx)
		if err != nil || len(teams) == 0 {
			t.Fatal(teams, err)
		}
		team := fmt.Sprint(teams[0].ID)

		gets := []struct {
			name, path           string
			status               int
			contains, notContain []string
		}{
			{"empty form", "/tickets/new", http.StatusOK, []string{`aria-current="page">New<span class="wide-word"> ticket</span>`, `name="email"`,
				`name="subject"`, `<textarea id="description"`, `name="team"`, `value="3"`, `value="0" checked`,
				`action="/tickets/new"`}, []string{`name="contact_id"`}},
			{"search", "/tickets/new?q=lovelace", http.StatusOK, []string{"Ada Lovelace",
				fmt.Sprintf(`href="/tickets/new?contact=%d"`, ada.Contact.ID)}, nil},
			{"no match", "/tickets/new?q=nobody", http.StatusOK, []string{"No customer matches"}, nil},
			{"picked", fmt.Sprintf("/tickets/new?contact=%d", ada.Contact.ID), http.StatusOK, []string{"Ada Lovelace",
				"ada@example.com", fmt.Sprintf(`name="contact_id" value="%d"`, ada.Contact.ID)}, []string{`name="email"`}},
			{"unknown contact", "/tickets/new?contact=999999", http.StatusNotFound, nil, nil},
		}
		for _, tc := range gets {
			res, body := e.do(e.client("agent"), http.MethodGet, tc.path, nil, nil)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
			}
			expect(t, tc.name, body, tc.contains, tc.notContain)
		}

		posts := []struct {
			name                 string
			form                 url.Values
			csrf                 bool
			status               int
			contains, notContain []string
		}{
			{"no csrf", url.Values{"email": {"x@example.com"}, "subject": {"Hi"}, "team": {team}}, false,
				http.StatusForbidden, nil, nil},
			{"every field wrong", url.Values{"email": {""}, "first_name": {"Grace <b>"}, "phone": {"call me"},
				"team": {"nope"}, "subject": {""}, "description": {"Typed <i>text</i>"}, "priority": {"2"}}, true,
				http.StatusUnprocessableEntity, []string{`role="alert"`,
					`id="email-error">Enter the customer&#39;s email address, or pick an existing customer.`,
					`id="subject-error">The subject is required.`, `id="team-error">No team with id or slug &#34;nope&#34;.`,
					`value="Grace &lt;b&gt;"`, `value="call me"`, "Typed &lt;i&gt;text&lt;/i&gt;</textarea>",
					`value="2" checked`, `aria-invalid="true"`}, []string{"<b>", "<i>"}},
			{"bad phone", url.Values{"email": {"g@example.com"}, "phone": {"call me"}, "subject": {"Hi"}, "team": {team}},
				true, http.StatusUnprocessableEntity, []string{`id="phone-error">The phone number must be a phone number`,
					`value="g@example.com"`}, nil},
			{"bad email and priority", url.Values{"email": {"not-an-address"}, "subject": {"Kept"}, "team": {team},
				"priority": {"9"}}, true, http.StatusUnprocessableEntity, []string{
				`id="priority-error">The priority must be 0, 1, 2 or 3.`, `value="Kept"`, `value="not-an-address"`}, nil},
		}
		for _, tc := range posts {
			c := e.client("agent")
			if tc.csrf {
				tc.form.Set("_csrf", e.csrf(c, "/tickets/new"))
			}
			res, body := e.do(c, http.MethodPost, "/tickets/new", tc.form, nil)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
			}
			expect(t, tc.name, body, tc.contains, tc.notContain)
		}
		if page, err := e.s.Tickets.List(ctx, ticket.Filter{Limit: 10}); err != nil || len(page.Items) != 1 {
			t.Fatalf("refused forms created tickets: %d, %v", len(page.Items), err)
		}

		// A new customer, then an existing one picked.
		creates := []struct {
			name    string
			form    url.Values
			email   string
			contact int64
		}{
			{"new customer", url.Values{"email": {"Grace@Example.com"}, "first_name": {"Grace"}, "last_name": {"Hopper"},
				"phone": {"+1 555 0100"}, "team": {team}, "subject": {"Phoned about the bill"},
				"description": {"She called at 9."}, "priority": {"2"}}, "grace@example.com", 0},
			{"picked customer", url.Values{"contact_id": {fmt.Sprint(ada.Contact.ID)}, "team": {team},
				"subject": {"Walked in"}, "priority": {"0"}}, "ada@example.com", ada.Contact.ID},
		}
		for _, tc := range creates {
			c := e.client("agent")
			tc.form.Set("_csrf", e.csrf(c, "/tickets/new"))
			res, body := e.do(c, http.MethodPost, "/tickets/new", tc.form, nil)
			if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/tickets/") {
				t.Fatalf("%s: %d to %q: %s", tc.name, res.StatusCode, res.Header.Get("Location"), body)
			}
			var n int64
			fmt.Sscanf(res.Header.Get("Location"), "/tickets/%d", &n)
			tk, err := e.s.Tickets.GetByNumber(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			if tk.Channel != ticket.Manual || tk.Subject != tc.form.Get("subject") || tk.Contact.Email != tc.email ||
				fmt.Sprint(tk.Priority) != tc.form.Get("priority") {
				t.Errorf("%s: %+v", tc.name, tk)
			}
			if tc.contact != 0 && tk.Contact.ID != tc.contact {
				t.Errorf("%s: contact %d, want %d", tc.name, tk.Contact.ID, tc.contact)
			}
			events, err := e.s.Tickets.History(ctx, tk.ID)
			if err != nil || len(events) == 0 || events[0].Actor == nil || events[0].Actor.ID != e.ids["agent"] {
				t.Errorf("%s: created by %+v, want the agent (%v)", tc.name, events, err)
			}
		}
		found, _, err := e.s.Contacts.List(ctx, contact.Filter{Email: "grace@example.com"})
		if err != nil || len(found) != 1 || found[0].Phone != "+1 555 0100" || found[0].LastName != "Hopper" {
			t.Errorf("new contact: %+v, %v", found, err)
		}
	})
}
