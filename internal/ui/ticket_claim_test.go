package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// A web ticket opened with an address no one verified gets a new link
// when a site signs in the address's owner; the history says why.
func TestHistorySaysWhySignInRenewedTheLink(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		web := e.openWith(ticket.NewTicket{Subject: "Typed by anyone", Team: "support", Channel: ticket.WebForm})
		if _, err := e.s.Tickets.Create(context.Background(), ticket.NewTicket{Subject: "Signed", Description: "Hi.",
			Team: "support", Channel: ticket.Widget,
			Contact: contact.Identity{ExternalID: "u-grace", Email: "grace@example.com"}}); err != nil {
			t.Fatal(err)
		}
		got, _ := e.s.Tickets.Get(context.Background(), web.ID)
		if got.PublicURL == web.PublicURL {
			t.Error("the web ticket kept its link after its contact was adopted")
		}
		res, body := e.do(e.client("agent"), http.MethodGet, fmt.Sprintf("/tickets/%d", web.Number), nil, nil)
		if want := "site signed them in, and the link given to whoever typed their address"; res.StatusCode != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("ticket page: %d, history lacks %q", res.StatusCode, want)
		}
	})
}
