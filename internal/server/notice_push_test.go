package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// An @name in a note reaches the named operator's open pages at once,
// over the operator socket, as their new unread count; no one else's
// socket hears of it.
func TestNoticePushedToItsOperator(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		site := newChatSite(t, testutil.Services(t, d))
		kim, kimCookie := site.operator(t, "kim@example.com")
		_, leeCookie := site.operator(t, "lee@example.com")
		sock := func(cookie string) *client {
			c, err := dial(t, wsURL(site.ts.URL)+"/chats/socket", appOrigin, cookie)
			if err != nil {
				t.Fatal(err)
			}
			c.next(t, "availability", nil)
			return c
		}
		kimSock, leeSock := sock(kimCookie), sock(leeCookie)
		ctx := context.Background()
		tk, err := site.s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Printer on fire", Description: "Smoke.",
			Team: site.slug, Channel: ticket.Email, Contact: contact.Identity{Email: "ada@example.org"}})
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range []int{1, 2} {
			if _, err := site.s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Note,
				Body: "@lee can you look? " + string(rune('a'+i)), OperatorID: kim.ID}); err != nil {
				t.Fatal(err)
			}
			if f := leeSock.next(t, "notices", nil); f.Unread != want {
				t.Fatalf("after %d mentions Lee's socket says %d unread", want, f.Unread)
			}
		}
		kimSock.none(t, "notices", 500*time.Millisecond)
	})
}
