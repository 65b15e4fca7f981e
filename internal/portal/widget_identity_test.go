package portal_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/portal"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// mineSubjects is what a visitor's "Your tickets" list shows.
func mineSubjects(t *testing.T, h http.Handler, id portal.Identity) string {
	t.Helper()
	code, out, _ := call(t, h, "POST", "/widget/v1/support/mine", hostOrigin, map[string]any{"identity": id})
	if code != http.StatusOK {
		t.Fatalf("mine: %d %v", code, out)
	}
	b, _ := json.Marshal(out["items"])
	return string(b)
}

// A signed-in user of the host site, signed by external id only, types
// another customer's address: they neither see that customer's tickets
// nor get the address, so the owner's later mail does not land in their
// list either. The address stays on their ticket, marked as given.
func TestWidgetUnsignedEmailLinksNothing(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		ctx := context.Background()
		victim := e.ticket("Vera's payroll export", "Vera")
		attacker, err := portal.Sign(widgetSecret, "mallory")
		if err != nil {
			t.Fatal(err)
		}
		id := portal.Identity{ExternalID: "mallory", Email: victim.Contact.Email, Signature: attacker}
		for _, email := range []string{victim.Contact.Email, "newcomer@example.com"} {
			code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, map[string]any{"identity": id,
				"email": email, "subject": "Question from " + email, "message": "Hello"})
			if code != http.StatusCreated {
				t.Fatalf("open: %d %v", code, out)
			}
			tk, _ := e.s.Tickets.ByToken(ctx, out["token"].(string))
			fields, _ := e.s.Tickets.Fields(ctx, tk.ID)
			if len(fields) != 1 || fields[0].Label != portal.GivenEmailLabel || fields[0].Value != email {
				t.Errorf("the ticket's fields %v: want the typed address marked as given", fields)
			}
		}
		// The newcomer writes for the first time, by mail.
		if _, err := e.s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Newcomer's private question", Team: "support",
			Description: "Hi", Channel: ticket.Email, Contact: contact.Identity{Email: "newcomer@example.com"}}); err != nil {
			t.Fatal(err)
		}
		list := mineSubjects(t, h, id)
		if strings.Contains(list, "Vera's payroll export") || strings.Contains(list, "Newcomer's private question") ||
			!strings.Contains(list, "Question from newcomer@example.com") {
			t.Errorf("mallory's list: %s", list)
		}
		v := e.reload(victim.ID)
		if v.Contact.ExternalID != nil {
			t.Errorf("Vera's contact took the external id %q", *v.Contact.ExternalID)
		}
	})
}

// When the site signs the email with the external id, the email is the
// visitor's: their earlier tickets by mail join their list.
func TestWidgetSignedEmailLinks(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		earlier := e.ticket("Sam's earlier question", "Sam")
		id := portal.Identity{ExternalID: "u-1042", Email: earlier.Contact.Email, Name: "Sam",
			Signature: widget.SignIdentity(widgetSecret, "u-1042", earlier.Contact.Email)}
		code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, map[string]any{"identity": id,
			"subject": "Sam's widget question", "message": "Hello"})
		if code != http.StatusCreated {
			t.Fatalf("open: %d %v", code, out)
		}
		list := mineSubjects(t, h, id)
		if !strings.Contains(list, "Sam's earlier question") || !strings.Contains(list, "Sam's widget question") {
			t.Errorf("Sam's list: %s", list)
		}
		other := id
		other.Email = "someone.else@example.com" // the signature does not cover this address
		if code, _, _ := call(t, h, "POST", "/widget/v1/support/mine", hostOrigin, map[string]any{"identity": other}); code != http.StatusForbidden {
			t.Errorf("a signed email swapped: %d, want 403", code)
		}
	})
}

// The signature covers exactly the values sent: a value with spaces
// around it is refused, never trimmed after the check into another
// user's id or address.
func TestWidgetIdentityIsUsedAsSigned(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		owner := signed(t, "u-1")
		code, _, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, map[string]any{"identity": owner,
			"email": "u-1@example.com", "subject": "u-1's own ticket", "message": "Hello"})
		if code != http.StatusCreated {
			t.Fatalf("owner: %d", code)
		}
		padded := signed(t, " u-1") // a host that signs a user name as typed, spaces and all
		v2 := portal.Identity{ExternalID: "u-2", Email: " u-1@example.com",
			Signature: widget.SignIdentity(widgetSecret, "u-2", " u-1@example.com")}
		for name, id := range map[string]portal.Identity{"padded external id": padded, "padded email": v2} {
			code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, map[string]any{"identity": id,
				"subject": "Sneaking in", "message": "Hello"})
			if code != http.StatusUnprocessableEntity {
				t.Errorf("%s: %d %v, want 422", name, code, out)
			}
			if code, _, _ := call(t, h, "POST", "/widget/v1/support/mine", hostOrigin, map[string]any{"identity": id}); code == http.StatusOK {
				t.Errorf("%s: the list answered", name)
			}
		}
		if list := mineSubjects(t, h, owner); strings.Contains(list, "Sneaking in") {
			t.Errorf("u-1's list: %s", list)
		}
	})
}
