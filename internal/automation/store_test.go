package automation_test

import (
	"slices"
	"testing"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Every rule counts however many there are: a rule after 600 others
// still fires, and the list shows them all, the last with when it fired.
func TestRuleAfterSixHundredOthersFires(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		if _, err := d.Write.ExecContext(k.ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
			INSERT INTO rules (name, enabled, position, event, definition, created_at, updated_at)
			SELECT 'filler', FALSE, 0, 'note_added',
				'{"when":{"event":"note_added"},"if":[],"then":[{"action":"add_tags","tags":["x"]}]}', $1, $1 FROM n`,
			db.Now()); err != nil {
			t.Fatal(err)
		}
		last := k.rule(automation.Rule{Name: "Last: tag", Position: 1, When: automation.When{Event: "note_added"},
			Then: []automation.Action{{Action: "add_tags", Tags: []string{"late"}}}})
		tk := k.ticket(db.Now())
		if _, err := k.s.Tickets.AddMessage(k.ctx, tk.ID, ticket.NewMessage{Kind: ticket.Note, Body: "fyi", OperatorID: k.agent.ID}); err != nil {
			t.Fatal(err)
		}
		if got := k.get(tk.ID).Tags; !slices.Contains(got, "late") {
			t.Fatalf("tags %q: the rule after 600 others did not fire", got)
		}
		rules, err := k.s.Automations.List(k.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(rules); n < 602 || rules[n-1].ID != last.ID || rules[n-1].LastFire == nil {
			t.Fatalf("listed %d rules, the last %+v; want every rule, the last one fired", n, rules[n-1])
		}
	})
}

// A condition on a custom field reads the ticket's value (read only when
// a condition asks for one).
func TestConditionOnACustomField(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		if _, err := k.s.Fields.Create(k.ctx, field.Input{Name: "plan", Label: "Plan", Type: field.Text}); err != nil {
			t.Fatal(err)
		}
		k.rule(automation.Rule{Name: "Gold: tag", When: automation.When{Event: "ticket_updated", Fields: []string{"fields.plan"}},
			If:   [][]automation.Cond{{{Field: "fields.plan", Op: "is", Value: "Gold"}}},
			Then: []automation.Action{{Action: "add_tags", Tags: []string{"gold"}}}})
		tk := k.ticket(db.Now())
		for _, plan := range []string{"Silver", "Gold"} {
			if _, err := k.s.Tickets.Update(k.ctx, tk.ID, ticket.Patch{Custom: map[string]any{"plan": plan}, ActorID: k.agent.ID}); err != nil {
				t.Fatal(err)
			}
			if got := slices.Contains(k.get(tk.ID).Tags, "gold"); got != (plan == "Gold") {
				t.Fatalf("plan %s: tagged gold %v", plan, got)
			}
		}
	})
}
