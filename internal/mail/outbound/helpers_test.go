package outbound_test

import (
	"context"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ccList is a stand-in for the inbound side's participants table.
type ccList map[int64][]outbound.Recipient

func (c ccList) Participants(_ context.Context, _ db.Querier, id int64) ([]outbound.Recipient, error) {
	return c[id], nil
}

func setup(t *testing.T, d *db.DB) (*app.Services, operator.Operator) {
	t.Helper()
	s := testutil.Services(t, d)
	s.Outbox.MailDomain = "help.example.com"
	op, err := s.Operators.Create(context.Background(), operator.NewOperator{Email: "grace@help.example.com",
		Name: "Grace Hopper", Role: operator.Agent, Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	return s, op
}

func mailTicket(t *testing.T, s *app.Services, email string, h *ticket.MailHeaders) ticket.Ticket {
	t.Helper()
	tk, err := s.Tickets.Create(context.Background(), ticket.NewTicket{Subject: "Parcel lost", Team: "support",
		Description: "My parcel never arrived.", Channel: ticket.Email, Mail: h,
		Contact: contact.Identity{Email: email, FirstName: "Ada", LastName: "Lovelace"}})
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

func outbox(t *testing.T, s *app.Services, ticketID int64) []outbound.Mail {
	t.Helper()
	ms, err := s.Outbox.ForTicket(context.Background(), ticketID)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func reply(t *testing.T, s *app.Services, ticketID, opID int64, kind ticket.MessageKind, body string) ticket.Message {
	t.Helper()
	m, err := s.Tickets.AddMessage(context.Background(), ticketID, ticket.NewMessage{Kind: kind, Body: body,
		OperatorID: opID})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
