package bench

import (
	"context"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Two "frontdesk serve" processes on one PostgreSQL database, each with
// its time-rule worker: a rule due on 30 tickets fires once on each, and
// not again when both workers have looked once more.
func TestTimeRuleFiresOnceAcrossTwoProcesses(t *testing.T) {
	d := testutil.NewPostgres(t)
	dsn := testutil.PostgresDSN(t, d)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	s := testutil.Services(t, d)
	teams, err := s.Teams.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rule, err := s.Automations.Create(ctx, automation.Rule{Name: "Nudge after an hour", Enabled: true,
		Scope: automation.Scope{Team: teams[0].ID}, When: automation.When{Event: "time_after", Anchor: "created", After: "1h"},
		Then: []automation.Action{{Action: "add_note", Body: "Nudge"}}})
	if err != nil {
		t.Fatal(err)
	}
	const tickets = 30
	for i := range tickets {
		if _, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Where is my order", Description: "Help",
			Team: teams[0].Slug, Channel: ticket.Email, Contact: contact.Identity{Email: "cat@customer.example"},
			CreatedAt: time.Now().Add(-3*time.Hour + time.Duration(i)*time.Second)}); err != nil {
			t.Fatal(err)
		}
	}
	c := &Chat{Exe: buildFrontdesk(t, ctx), DB: dsn, DataDir: t.TempDir()}
	startTestNode(t, c)
	startTestNode(t, c)

	count := func(q string) int {
		var n int
		if err := d.Read.QueryRowContext(ctx, q, rule.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	const fired = `SELECT count(*) FROM rule_firings WHERE rule_id = $1`
	for deadline := time.Now().Add(60 * time.Second); count(fired) < tickets; time.Sleep(time.Second) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d tickets fired within 60 s", count(fired), tickets)
		}
	}
	time.Sleep(35 * time.Second) // each worker looks again (every 15 s)
	if n := count(fired); n != tickets {
		t.Fatalf("%d firings for %d tickets", n, tickets)
	}
	if n := count(`SELECT count(DISTINCT ticket_id) FROM rule_firings WHERE rule_id = $1`); n != tickets {
		t.Fatalf("%d tickets fired, want each of %d once", n, tickets)
	}
	if n := count(`SELECT count(*) FROM messages m JOIN rule_firings f ON f.ticket_id = m.ticket_id
		WHERE f.rule_id = $1 AND m.kind = 'note' AND m.body_text = 'Nudge'`); n != tickets {
		t.Fatalf("%d notes written, want %d", n, tickets)
	}
}
