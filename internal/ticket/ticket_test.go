package ticket_test

import (
	"context"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func newTicket(subject, email string) ticket.NewTicket {
	return ticket.NewTicket{Subject: subject, Description: "Hello, my order has not arrived.", Team: "support",
		Contact: contact.Identity{Email: email, FirstName: "Ada"}}
}

func mustCreate(t *testing.T, s *app.Services, in ticket.NewTicket) ticket.Ticket {
	t.Helper()
	tk, err := s.Tickets.Create(context.Background(), in)
	if err != nil {
		t.Fatalf("create %q: %v", in.Subject, err)
	}
	return tk
}

func count(t *testing.T, d *db.DB, table string) int {
	t.Helper()
	var n int
	if err := d.Read.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCreateOpensTicketWithThreadAndHistory(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		tk := mustCreate(t, s, newTicket("Where is my parcel?", "Ada@Example.com"))
		if tk.Number < 1001 || tk.Status.Name != "New" || !tk.IsOpen() || tk.Priority != 0 || tk.Channel != ticket.API {
			t.Errorf("new ticket = %+v", tk)
		}
		if tk.Contact.Email != "ada@example.com" || tk.Contact.FirstName != "Ada" {
			t.Errorf("contact = %+v, want the lower-cased address", tk.Contact)
		}
		if len(tk.PublicURL) < len("http://127.0.0.1:8080/t/")+27 {
			t.Errorf("public url %q too short for a 160-bit token", tk.PublicURL)
		}
		msgs, err := s.Tickets.Messages(ctx, tk.ID, false)
		if err != nil || len(msgs) != 1 || msgs[0].Kind != ticket.Customer || msgs[0].Author.Type != "contact" {
			t.Fatalf("thread = %+v, %v; want the description as first customer message", msgs, err)
		}
		events, _ := s.Tickets.History(ctx, tk.ID)
		if len(events) != 1 || events[0].Kind != ticket.EventCreated {
			t.Errorf("history = %+v", events)
		}
		next := mustCreate(t, s, newTicket("Second", "ada@example.com"))
		if next.Number != tk.Number+1 || next.Contact.ID != tk.Contact.ID {
			t.Errorf("second ticket number %d contact %d; want %d and the same contact", next.Number, next.Contact.ID, tk.Number+1)
		}
	})
}

func TestCreateRejectsBadInputAndLeavesNothing(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*ticket.NewTicket)
		field string
	}{
		{"bad email", func(n *ticket.NewTicket) { n.Contact.Email = "not-an-address" }, "contact.email"},
		{"no contact", func(n *ticket.NewTicket) { n.Contact = contact.Identity{} }, "contact.email"},
		{"unknown team", func(n *ticket.NewTicket) { n.Team = "nope" }, "team"},
		{"priority 4", func(n *ticket.NewTicket) { n.Priority = 4 }, "priority"},
		{"priority -1", func(n *ticket.NewTicket) { n.Priority = -1 }, "priority"},
		{"empty subject", func(n *ticket.NewTicket) { n.Subject = "   " }, "subject"},
		{"long subject", func(n *ticket.NewTicket) { n.Subject = string(make([]rune, 251)) }, "subject"},
		{"bad channel", func(n *ticket.NewTicket) { n.Channel = "fax" }, "channel"},
		{"unknown assignee", func(n *ticket.NewTicket) { n.Assignee = "ghost@example.com" }, "assignee"},
		{"bad tag", func(n *ticket.NewTicket) { n.Tags = []string{" "} }, "tags[0]"},
	}
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		for _, tc := range cases {
			in := newTicket("Refund please", "new.customer@example.com")
			tc.edit(&in)
			_, err := s.Tickets.Create(context.Background(), in)
			if f := testutil.Fields(err); f[tc.field] == "" {
				t.Errorf("%s: error %v, want a message for field %s", tc.name, err, tc.field)
			}
		}
		for _, table := range []string{"tickets", "contacts", "contact_emails", "messages", "ticket_events"} {
			if n := count(t, d, table); n != 0 {
				t.Errorf("%s holds %d rows after failed creates", table, n)
			}
		}
	})
}
