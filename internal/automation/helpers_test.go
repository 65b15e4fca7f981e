package automation_test

import (
	"context"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// desk is a helpdesk with one team, an admin and an agent in it.
type desk struct {
	t     *testing.T
	ctx   context.Context
	s     *app.Services
	team  team.Team
	admin operator.Operator
	agent operator.Operator
}

func newDesk(t *testing.T, d *db.DB) *desk {
	k := &desk{t: t, ctx: context.Background(), s: testutil.Services(t, d)}
	teams, err := k.s.Teams.List(k.ctx)
	if err != nil {
		t.Fatal(err)
	}
	k.team = teams[0]
	k.admin = k.operator("ada@example.com", "Ada Admin", operator.Admin)
	k.agent = k.operator("kim@example.com", "Kim Agent", operator.Agent)
	if _, err := d.Write.ExecContext(k.ctx, `INSERT INTO team_members (team_id, operator_id) VALUES ($1, $2), ($1, $3)`,
		k.team.ID, k.admin.ID, k.agent.ID); err != nil {
		t.Fatal(err)
	}
	return k
}

func (k *desk) operator(email, name string, role operator.Role) operator.Operator {
	op, err := k.s.Operators.Create(k.ctx, operator.NewOperator{Email: email, Name: name, Role: role,
		Password: "correct horse battery"})
	if err != nil {
		k.t.Fatal(err)
	}
	return op
}

// rule saves r scoped to the team, switched on.
func (k *desk) rule(r automation.Rule) automation.Rule {
	k.t.Helper()
	r.Enabled, r.Scope.Team = true, k.team.ID
	saved, err := k.s.Automations.Create(k.ctx, r)
	if err != nil {
		k.t.Fatalf("save rule %q: %v", r.Name, err)
	}
	return saved
}

// ticket opens a ticket by mail from a customer, created at at (zero: now).
func (k *desk) ticket(at time.Time) ticket.Ticket {
	k.t.Helper()
	tk, err := k.s.Tickets.Create(k.ctx, ticket.NewTicket{Subject: "Printer on fire", Description: "Help",
		Team: k.team.Slug, Channel: ticket.Email, Contact: contact.Identity{Email: "cat@customer.example", FirstName: "Cat"},
		CreatedAt: at})
	if err != nil {
		k.t.Fatal(err)
	}
	return tk
}

func (k *desk) get(id int64) ticket.Ticket {
	k.t.Helper()
	tk, err := k.s.Tickets.Get(k.ctx, id)
	if err != nil {
		k.t.Fatal(err)
	}
	return tk
}

func (k *desk) answer(id int64) {
	k.t.Helper()
	if _, err := k.s.Tickets.AddMessage(k.ctx, id, ticket.NewMessage{Kind: ticket.Reply, Body: "On it",
		OperatorID: k.agent.ID}); err != nil {
		k.t.Fatal(err)
	}
}

func (k *desk) customerWrites(id int64, at time.Time) {
	k.t.Helper()
	tk := k.get(id)
	if _, err := k.s.Tickets.AddMessage(k.ctx, id, ticket.NewMessage{Kind: ticket.Customer, Body: "Still burning",
		ContactID: tk.Contact.ID, CreatedAt: at}); err != nil {
		k.t.Fatal(err)
	}
}

func (k *desk) setStatus(id int64, status string) {
	k.t.Helper()
	if _, err := k.s.Tickets.Update(k.ctx, id, ticket.Patch{Status: &status, ActorID: k.agent.ID}); err != nil {
		k.t.Fatal(err)
	}
}

func (k *desk) count(query string, args ...any) int {
	k.t.Helper()
	var n int
	if err := k.s.DB.Read.QueryRowContext(k.ctx, query, args...).Scan(&n); err != nil {
		k.t.Fatal(err)
	}
	return n
}

func setStatus(name string) automation.Action {
	return automation.Action{Action: "set_status", Status: name}
}

func contactOf(email string) contact.Identity { return contact.Identity{Email: email} }
