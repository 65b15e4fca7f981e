package automation_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Two rules that would bounce a ticket between statuses, both allowing
// rule-made changes to trigger them, stop after one round and leave a note.
func TestBouncingRulesStopAndLeaveANote(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		k.rule(automation.Rule{Name: "Waiting means work", When: automation.When{Event: "status_entered", Status: "Waiting", AfterRules: true},
			Then: []automation.Action{setStatus("In Progress")}})
		k.rule(automation.Rule{Name: "Work means waiting", When: automation.When{Event: "status_entered", Status: "In Progress", AfterRules: true},
			Then: []automation.Action{setStatus("Waiting")}})
		tk := k.ticket(db.Now())
		k.setStatus(tk.ID, "Waiting")
		if n := k.count(`SELECT count(*) FROM rule_firings WHERE ticket_id = $1 AND rule_id IN (SELECT id FROM rules WHERE preset IS NULL)`, tk.ID); n != 2 {
			t.Fatalf("firings = %d, want 2 (each rule once)", n)
		}
		if got := k.get(tk.ID).Status.Name; got != "Waiting" {
			t.Fatalf("status %q, want Waiting", got)
		}
		notes, err := k.s.Tickets.Messages(k.ctx, tk.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		var stopped bool
		for _, m := range notes {
			stopped = stopped || m.Kind == ticket.Note && strings.Contains(m.Body, `Rule "Waiting means work" stopped`)
		}
		if !stopped {
			t.Fatal("no note says the loop was stopped")
		}
	})
}

// Without after_rules, a change a rule makes triggers no other rule.
func TestRuleChangesTriggerNoRuleUnlessAsked(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		k.rule(automation.Rule{Name: "Answered: wait", When: automation.When{Event: "answer_sent"},
			Then: []automation.Action{setStatus("Waiting")}})
		k.rule(automation.Rule{Name: "Waiting: tag", When: automation.When{Event: "status_entered", Status: "Waiting"},
			Then: []automation.Action{{Action: "add_tags", Tags: []string{"waited"}}}})
		tk := k.ticket(db.Now())
		k.answer(tk.ID)
		if got := k.get(tk.ID).Tags; len(got) != 0 {
			t.Fatalf("tags %q: a rule's change triggered a rule that did not ask", got)
		}
	})
}

// More than 20 firings of one rule on one ticket in 10 minutes switch it
// off there, with a note and a notification for the admins.
func TestStormSwitchesTheRuleOffForTheTicket(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		r := k.rule(automation.Rule{Name: "Priority: tag", When: automation.When{Event: "priority_changed"},
			Then: []automation.Action{{Action: "add_tags", Tags: []string{"bumped"}}}})
		tk := k.ticket(db.Now())
		for i := range 22 {
			p := (i + 1) % 4
			if _, err := k.s.Tickets.Update(k.ctx, tk.ID, ticket.Patch{Priority: &p, ActorID: k.agent.ID}); err != nil {
				t.Fatal(err)
			}
		}
		if n := k.count(`SELECT count(*) FROM rule_firings WHERE rule_id = $1`, r.ID); n != 20 {
			t.Fatalf("firings = %d, want 20", n)
		}
		if n := k.count(`SELECT count(*) FROM rule_stops WHERE rule_id = $1 AND ticket_id = $2`, r.ID, tk.ID); n != 1 {
			t.Fatalf("stops = %d, want 1", n)
		}
		if n := k.count(`SELECT count(*) FROM messages WHERE ticket_id = $1 AND kind = 'note' AND body_text LIKE '%switched off%'`, tk.ID); n != 1 {
			t.Fatalf("loop notes = %d, want 1", n)
		}
		if n := k.count(`SELECT count(*) FROM notifications WHERE operator_id = $1 AND kind = 'automation'`, k.admin.ID); n != 1 {
			t.Fatalf("admin notifications = %d, want 1", n)
		}
	})
}

// Save refuses, each on its field: a rule that re-satisfies its own
// event, an unknown field, a wrong value type, a template that does not
// render, an action the scope cannot satisfy.
func TestSaveRefusesBadRules(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		two := 2
		cases := []struct {
			name  string
			rule  automation.Rule
			field string
		}{
			{"self loop", automation.Rule{When: automation.When{Event: "status_entered", Status: "Waiting"},
				Then: []automation.Action{setStatus("Waiting")}}, "then[0].action"},
			{"unknown field", automation.Rule{When: automation.When{Event: "answer_sent"},
				If: [][]automation.Cond{{{Field: "colour", Op: "is", Value: "red"}}}, Then: []automation.Action{setStatus("Waiting")}}, "if[0][0].field"},
			{"wrong type", automation.Rule{When: automation.When{Event: "answer_sent"},
				If: [][]automation.Cond{{{Field: "priority", Op: "gt", Value: "high"}}}, Then: []automation.Action{{Action: "set_priority", Priority: &two}}}, "if[0][0].value"},
			{"bad template", automation.Rule{When: automation.When{Event: "answer_sent"},
				Then: []automation.Action{{Action: "mail_customer", Template: "closed", Subject: "Hi {{ticket.subject", Body: "x"}}}, "then[0].subject"},
			{"unknown status", automation.Rule{When: automation.When{Event: "answer_sent"},
				Then: []automation.Action{setStatus("Limbo")}}, "then[0].status"},
			{"bad duration", automation.Rule{When: automation.When{Event: "time_after", Anchor: "created", After: "soon"},
				Then: []automation.Action{setStatus("Closed")}}, "when.after"},
		}
		for _, c := range cases {
			c.rule.Name, c.rule.Scope.Team = c.name, k.team.ID
			_, err := k.s.Automations.Create(k.ctx, c.rule)
			if msg := testutil.Fields(err)[c.field]; msg == "" {
				t.Errorf("%s: error %v, want a message on %s", c.name, err, c.field)
			}
		}
		// statuses and round robin need a scope that has them
		rr := automation.Rule{Name: "unscoped", When: automation.When{Event: "ticket_created"},
			Then: []automation.Action{{Action: "set_assignee", Assignee: "round_robin"}, setStatus("Waiting")}}
		f := testutil.Fields(func() error { _, err := k.s.Automations.Create(k.ctx, rr); return err }())
		if f["then[0].assignee"] == "" || f["then[1].status"] == "" {
			t.Errorf("unscoped rule: fields %v, want then[0].assignee and then[1].status", f)
		}
	})
}

// A time rule fires once however many workers look, on both engines, and
// again when its anchor changes.
func TestTimeRuleFiresOnceAndAgainAfterItsAnchorMoves(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		r := k.rule(automation.Rule{Name: "Nudge after an hour", When: automation.When{Event: "time_after",
			Anchor: "last_customer_message", After: "1h"}, Then: []automation.Action{{Action: "add_note", Body: "Nudge"}}})
		tk := k.ticket(db.Now().Add(-3 * time.Hour))
		fresh := k.ticket(db.Now())
		k.fireTwiceAtOnce()
		k.fireTwiceAtOnce()
		if n := k.count(`SELECT count(*) FROM rule_firings WHERE rule_id = $1 AND ticket_id = $2`, r.ID, tk.ID); n != 1 {
			t.Fatalf("firings = %d, want 1", n)
		}
		if n := k.count(`SELECT count(*) FROM rule_firings WHERE ticket_id = $1 AND rule_id IN (SELECT id FROM rules WHERE preset IS NULL)`, fresh.ID); n != 0 {
			t.Fatalf("a ticket not yet due fired %d times", n)
		}
		k.customerWrites(tk.ID, db.Now().Add(-2*time.Hour))
		k.fireTwiceAtOnce()
		if n := k.count(`SELECT count(*) FROM rule_firings WHERE rule_id = $1 AND ticket_id = $2`, r.ID, tk.ID); n != 2 {
			t.Fatalf("after the anchor moved: firings = %d, want 2", n)
		}
	})
}

// A time rule saved after its tickets exist arms them on save.
func TestTimeRuleArmsExistingTicketsOnSave(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		tk := k.ticket(db.Now().Add(-8 * 24 * time.Hour))
		k.rule(automation.Rule{Name: "Close after a week", When: automation.When{Event: "time_after", Anchor: "created", After: "7d"},
			Then: []automation.Action{setStatus("Closed")}})
		k.fireTwiceAtOnce()
		if got := k.get(tk.ID).Status.Name; got != "Closed" {
			t.Fatalf("status %q, want Closed", got)
		}
	})
}

// fireTwiceAtOnce runs two workers at the same time, as two nodes would.
func (k *desk) fireTwiceAtOnce() {
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() { defer wg.Done(); _, errs[i] = k.s.Automations.FireDue(k.ctx) }()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			k.t.Fatal(err)
		}
	}
}
