package presence_test

import (
	"context"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/events"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/presence"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

type recorder struct{ sent []events.Event }

func (r *recorder) Send(e events.Event) { r.sent = append(r.sent, e) }

func TestPresenceShowsOthersAndExpires(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := testutil.Services(t, d)
		var ids []int64
		for _, name := range []string{"Kim", "Lee"} {
			op, err := s.Operators.Create(ctx, operator.NewOperator{Email: name + "@example.com", Name: name})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, op.ID)
		}
		kim, lee := ids[0], ids[1]
		tk, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Printer", Team: "support", Description: "x",
			Channel: ticket.Manual, Contact: contact.Identity{Email: "ada@example.com"}, ActorID: kim})
		if err != nil {
			t.Fatal(err)
		}
		clock := time.Now()
		bus := &recorder{}
		p := &presence.Service{DB: d, Bus: bus, Now: func() time.Time { return clock }}
		if err := p.Beat(ctx, tk.ID, kim, false); err != nil {
			t.Fatal(err)
		}
		if err := p.Beat(ctx, tk.ID, lee, true); err != nil {
			t.Fatal(err)
		}
		got, err := p.Others(ctx, tk.ID, kim)
		if err != nil || len(got) != 1 || got[0].Name != "Lee" || !got[0].Typing {
			t.Fatalf("Kim sees %+v, %v; want Lee typing", got, err)
		}
		if err := p.Beat(ctx, tk.ID, lee, true); err != nil { // the same state again: no event
			t.Fatal(err)
		}
		if len(bus.sent) != 2 || bus.sent[1].Kind != presence.Changed || bus.sent[1].TicketID != tk.ID || !bus.sent[1].Active {
			t.Fatalf("events %+v", bus.sent)
		}

		// Lee's page stops refreshing: after the TTL Kim sees no one.
		clock = clock.Add(presence.TTL + time.Second)
		if err := p.Beat(ctx, tk.ID, kim, false); err != nil {
			t.Fatal(err)
		}
		if got, _ := p.Others(ctx, tk.ID, kim); len(got) != 0 {
			t.Fatalf("after expiry Kim sees %+v", got)
		}
		// Kim leaves: Lee, back, sees no one, and Kim's leaving was announced.
		if err := p.Leave(ctx, tk.ID, kim); err != nil {
			t.Fatal(err)
		}
		if got, _ := p.Others(ctx, tk.ID, lee); len(got) != 0 || bus.sent[len(bus.sent)-1].OperatorID != kim {
			t.Fatalf("after leaving Lee sees %+v; events %+v", got, bus.sent)
		}
		if d.Dialect == db.Postgres { // another node reads the same presence
			if err := p.Beat(ctx, tk.ID, kim, true); err != nil {
				t.Fatal(err)
			}
			other := &presence.Service{DB: testutil.SecondNode(t, d), Now: func() time.Time { return clock }}
			if got, _ := other.Others(ctx, tk.ID, lee); len(got) != 1 || got[0].Name != "Kim" {
				t.Fatalf("second node sees %+v", got)
			}
		}
	})
}
