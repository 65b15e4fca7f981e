package portal_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/portal"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/widget"
)

// An anonymous widget visitor types a customer's address: the ticket
// goes to that customer (mail must reach the address) but the visitor
// gets no token, so cannot read what the customer writes in it.
func TestAnonymousTypedEmailGetsNoToken(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		earlier := e.ticket("Vera's earlier question", "Vera")
		vera := portal.Identity{ExternalID: "u-vera", Email: earlier.Contact.Email, Name: "Vera",
			Signature: widget.SignIdentity(widgetSecret, "u-vera", earlier.Contact.Email)}
		if code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, map[string]any{"identity": vera,
			"subject": "Vera's widget question", "message": "Hello"}); code != http.StatusCreated || out["token"] == nil {
			t.Fatalf("vera, signed: %d %v", code, out)
		}
		code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, map[string]any{
			"email": earlier.Contact.Email, "subject": "Please confirm your card", "message": "Reply with the last 4 digits"})
		if code != http.StatusCreated {
			t.Fatalf("anonymous open: %d %v", code, out)
		}
		if tok, ok := out["token"]; ok {
			t.Fatalf("the stranger got the token %v of a ticket on Vera's contact", tok)
		}
		if !strings.Contains(mineSubjects(t, h, vera), "Please confirm your card") {
			t.Errorf("the ticket is not with the address's owner, where its mail goes")
		}
		receivedGoesToOwner(t, e.s, "Please confirm your card", earlier.Contact.Email)
	})
}

// receivedGoesToOwner checks that the ticket's "received" mail, the link's
// only way out, is queued to the address's owner with the link.
func receivedGoesToOwner(t *testing.T, s *app.Services, subject, owner string) {
	t.Helper()
	page, err := s.Tickets.List(context.Background(), ticket.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range page.Items {
		if tk.Subject != subject {
			continue
		}
		var to, body string
		err := s.DB.Read.QueryRowContext(context.Background(), `SELECT to_email, body_text FROM mail_outbox
			WHERE ticket_id = $1 AND kind = 'received'`, tk.ID).Scan(&to, &body)
		if err != nil || to != owner || !strings.Contains(body, tk.PublicURL) {
			t.Errorf("received mail of %q: to %q, link in it: %v (%v)", subject, to, strings.Contains(body, tk.PublicURL), err)
		}
		return
	}
	t.Errorf("no ticket %q", subject)
}

// The website form: the same, the confirmation page has no link.
func TestFormTypedEmailOfACustomerGetsNoToken(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		if _, err := e.s.Tickets.Create(context.Background(), ticket.NewTicket{Subject: "Earlier", Team: "support",
			Description: "Hello", Channel: ticket.Email, Contact: contact.Identity{Email: "ada@example.com"}}); err != nil {
			t.Fatal(err)
		}
		res, _ := e.post("", good(e.token()), nil, nil)
		loc := res.Header.Get("Location")
		if res.StatusCode != http.StatusSeeOther || loc != "/support/support/sent" {
			t.Fatalf("submit with a customer's address: %d %q, want the confirmation without a ticket", res.StatusCode, loc)
		}
		_, body := e.get(loc)
		formContains(t, "sent page", body, []string{"Our mail carries the link"}, []string{"/t/"})
		receivedGoesToOwner(t, e.s, "Printer on fire", "ada@example.com")
	})
}

// A new address: the contact is the visitor's own making, the visitor
// gets the link, on the widget and on the website form.
func TestNewAddressStillGetsItsToken(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		res, _ := e.post("", good(e.token()), nil, nil)
		if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/support/support/sent?ticket=") {
			t.Errorf("form, new address: %q", loc)
		}
		w := newEnv(t, d)
		code, out, _ := call(t, widgetHandler(t, w, false), "POST", "/widget/v1/support/tickets", hostOrigin,
			map[string]any{"email": "new@example.com", "subject": "Hi", "message": "Hello"})
		if tok, _ := out["token"].(string); code != http.StatusCreated || tok == "" {
			t.Errorf("widget, new address: %d %v", code, out)
		}
	})
}

// An anonymous visitor claims an address first; when its owner arrives
// signed, the contact is theirs and the visitor's link stops working.
func TestSignedOwnerRenewsLinksOfUnsignedTickets(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		_, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin,
			map[string]any{"email": "vera@example.com", "subject": "Planted", "message": "Hello"})
		planted, _ := out["token"].(string)
		vera := portal.Identity{ExternalID: "u-vera", Email: "vera@example.com",
			Signature: widget.SignIdentity(widgetSecret, "u-vera", "vera@example.com")}
		if code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin,
			map[string]any{"identity": vera, "subject": "Mine", "message": "Hello"}); code != http.StatusCreated {
			t.Fatalf("vera: %d %v", code, out)
		}
		if code, _, _ := call(t, h, "GET", "/widget/v1/support/t/"+planted, hostOrigin, nil); code != http.StatusNotFound {
			t.Errorf("the planted ticket's old link after Vera signed in: %d, want 404", code)
		}
		list := mineSubjects(t, h, vera)
		if !strings.Contains(list, "Planted") || strings.Contains(list, planted) {
			t.Errorf("Vera's list: %s", list)
		}
		page, err := e.s.Tickets.List(context.Background(), ticket.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var id int64
		for _, tk := range page.Items {
			if tk.Subject == "Planted" {
				id = tk.ID
			}
		}
		hist, _ := e.s.Tickets.History(context.Background(), id)
		if last := hist[len(hist)-1]; last.Kind != ticket.EventLinkRotated || last.Data["reason"] != ticket.LinkRenewedForSignIn {
			t.Errorf("history of the planted ticket ends with %+v", last)
		}
	})
}
