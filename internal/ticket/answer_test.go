package ticket_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Creation answers with a ticket built from what it wrote; an integration
// must get exactly what reading the ticket afterwards gives.
func TestCreateAnswersWhatGetReads(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		bea, err := s.Operators.Create(ctx, operator.NewOperator{Email: "bea@example.com", Name: "Bea"})
		if err != nil {
			t.Fatal(err)
		}
		// A known customer whose first address and name differ from what
		// the next ticket says.
		if _, err := s.Contacts.Create(ctx, contact.Identity{Email: "first@shop.example", FirstName: "Known",
			LastName: "Customer"}, contact.Patch{Emails: &[]string{"first@shop.example", "second@shop.example"}}); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			in   ticket.NewTicket
		}{
			{"new customer", ticket.NewTicket{Subject: "  Parcel lost  ", Description: "Where is it?\n", Team: "support",
				Priority: 2, Contact: contact.Identity{Email: "New@Example.com", FirstName: " Nia "}}},
			{"known customer by another address", ticket.NewTicket{Subject: "Invoice", Description: "Wrong VAT",
				Team: "support", Contact: contact.Identity{Email: "second@shop.example", FirstName: "Someone else"}}},
			{"external id, no name", ticket.NewTicket{Subject: "Login", Team: "support", Channel: ticket.Widget,
				Contact: contact.Identity{ExternalID: "u-42", Email: "u42@example.com"}}},
			{"new external id, address owned by another", ticket.NewTicket{Subject: "Login again", Team: "support",
				Contact: contact.Identity{ExternalID: "u-44", Email: "u42@example.com", LastName: "Doe"}}},
			{"assignee and tags", ticket.NewTicket{Subject: "Refund", Description: "Please", Team: "support",
				Assignee: "bea@example.com", Tags: []string{"VIP", "billing", " vip ", "Äpfel"},
				Contact: contact.Identity{Email: "tags@example.com"}}},
		}
		for _, c := range cases {
			created, err := s.Tickets.Create(ctx, c.in)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			sameAsRead(t, s.Tickets, c.name, created)
		}
		support, _ := s.Teams.Find(ctx, d.Read, "support")
		mode := team.RoundRobin
		if _, err := s.Teams.Update(ctx, support.ID, team.Input{AssignmentMode: &mode, MemberIDs: &[]int64{bea.ID}}); err != nil {
			t.Fatal(err)
		}
		auto, err := s.Tickets.Create(ctx, newTicket("Assigned by the team", "auto@example.com"))
		if err != nil || auto.Assignee == nil || auto.Assignee.Email != "bea@example.com" {
			t.Fatalf("auto-assigned ticket = %+v, %v", auto.Assignee, err)
		}
		sameAsRead(t, s.Tickets, "auto-assigned", auto)
	})
}

func sameAsRead(t *testing.T, tickets *ticket.Service, name string, created ticket.Ticket) {
	t.Helper()
	read, err := tickets.Get(context.Background(), created.ID)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	a, _ := json.Marshal(created)
	b, _ := json.Marshal(read)
	if string(a) != string(b) || created.PublicToken != read.PublicToken {
		t.Errorf("%s: creation answered\n%s\nbut the ticket reads\n%s", name, a, b)
	}
}
