package ticket_test

import (
	"context"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/events"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Live views learn of new tickets, messages and changes from the bus,
// after the change is committed.
func TestChangesArePublishedAfterCommit(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		sub := s.Events.Subscribe()
		defer sub.Close()
		ctx := context.Background()
		tk := mustCreate(t, s, newTicket("Live", "live@example.com"))
		if _, err := s.Tickets.AddMessage(ctx, tk.ID, ticket.NewMessage{Kind: ticket.Note, Body: "on it"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Tickets.Update(ctx, tk.ID, ticket.Patch{Priority: testutil.Ptr(2)}); err != nil {
			t.Fatal(err)
		}
		for _, kind := range []string{"ticket.created", "message.created", "ticket.updated"} {
			select {
			case e := <-sub.C:
				if e != (events.Event{Kind: kind, TicketID: tk.ID}) {
					t.Errorf("got %+v, want %s of ticket %d", e, kind, tk.ID)
				}
			case <-time.After(time.Second):
				t.Fatalf("no %s event", kind)
			}
		}
	})
}
