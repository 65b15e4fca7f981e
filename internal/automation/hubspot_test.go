package automation_test

import (
	"time"

	"testing"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// HubSpot's pipeline automation: an answer mailed moves the ticket to
// Waiting, the customer's reply back to In Progress; the history names
// the rule.
func TestAnswerAndReplyMoveTheStatus(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		k.rule(automation.Rule{Name: "Answered: wait", When: automation.When{Event: "answer_sent"},
			Then: []automation.Action{setStatus("Waiting")}})
		k.rule(automation.Rule{Name: "Customer replied: work", When: automation.When{Event: "customer_replied"},
			Then: []automation.Action{setStatus("In Progress")}})
		tk := k.ticket(db.Now())
		k.answer(tk.ID)
		if got := k.get(tk.ID).Status.Name; got != "Waiting" {
			t.Fatalf("after the answer: status %q, want Waiting", got)
		}
		k.customerWrites(tk.ID, db.Now())
		if got := k.get(tk.ID).Status.Name; got != "In Progress" {
			t.Fatalf("after the customer's reply: status %q, want In Progress", got)
		}
		history, err := k.s.Tickets.History(k.ctx, tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		var byRule []string
		for _, e := range history {
			if r, ok := e.Data["rule"].(string); ok && e.Kind == ticket.EventStatus {
				byRule = append(byRule, r+": "+e.Data["to"].(string))
			}
		}
		want := []string{"Answered: wait: Waiting", "Customer replied: work: In Progress"}
		if len(byRule) != 2 || byRule[0] != want[0] || byRule[1] != want[1] {
			t.Fatalf("history by rules = %q, want %q", byRule, want)
		}
	})
}

// Entering a status notifies the assignee; closing mails the closed
// template from a rule, automatic and under loop protection.
func TestEnterStatusNotifiesAndMails(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		k.rule(automation.Rule{Name: "Waiting: tell the assignee", When: automation.When{Event: "status_entered", Status: "Waiting"},
			Then: []automation.Action{{Action: "notify", To: "assignee"}}})
		k.rule(automation.Rule{Name: "Closed: say goodbye", When: automation.When{Event: "status_entered", Status: "Closed"},
			Then: []automation.Action{{Action: "mail_customer", Template: "closed", Subject: "Bye from rules {{ticket.subject}}",
				Body: "Closed, see {{ticket_url}}"}}})
		tk := k.ticket(db.Now())
		kim := k.agent.Email
		if _, err := k.s.Tickets.Update(k.ctx, tk.ID, ticket.Patch{Assignee: &kim, ActorID: k.admin.ID}); err != nil {
			t.Fatal(err)
		}
		before := k.count(`SELECT count(*) FROM notifications WHERE operator_id = $1`, k.agent.ID)
		waiting := "Waiting" // the admin moves it: the assignee hears of it
		if _, err := k.s.Tickets.Update(k.ctx, tk.ID, ticket.Patch{Status: &waiting, ActorID: k.admin.ID}); err != nil {
			t.Fatal(err)
		}
		if n := k.count(`SELECT count(*) FROM notifications WHERE operator_id = $1 AND kind = 'automation' AND ticket_id = $2`,
			k.agent.ID, tk.ID); n != 1 || before != k.count(`SELECT count(*) FROM notifications WHERE operator_id = $1`, k.agent.ID)-1 {
			t.Fatalf("automation notifications for the assignee = %d, want 1", n)
		}
		k.setStatus(tk.ID, "Closed")
		if n := k.count(`SELECT count(*) FROM mail_outbox WHERE ticket_id = $1 AND subject LIKE '%Bye from rules Printer on fire%'
			AND automatic AND kind = 'closed'`, tk.ID); n != 1 {
			t.Fatalf("rule mails = %d, want 1", n)
		}
		if n := k.count(`SELECT count(*) FROM rule_firings WHERE ticket_id = $1 AND rule_id IN (SELECT id FROM rules WHERE preset IS NULL)`, tk.ID); n != 2 {
			t.Fatalf("firings = %d, want 2", n)
		}
	})
}

// An SLA target met by the first answer raises sla_met, once.
func TestSLAEventsFireRules(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		if _, err := k.s.SLA.Create(k.ctx, sla.Input{Name: "Fast", Targets: sla.TargetMinutes{FirstResponse: testutil.Ptr(60)}}); err != nil {
			t.Fatal(err)
		}
		k.rule(automation.Rule{Name: "Met: tag", When: automation.When{Event: "sla_met"},
			Then: []automation.Action{{Action: "add_tags", Tags: []string{"on-time"}}}})
		tk := k.ticket(db.Now())
		k.answer(tk.ID)
		if got := k.get(tk.ID).Tags; len(got) != 1 || got[0] != "on-time" {
			t.Fatalf("tags after the first answer %q, want on-time", got)
		}
		k.answer(tk.ID)
		if n := k.count(`SELECT count(*) FROM rule_firings WHERE ticket_id = $1 AND rule_id IN (SELECT id FROM rules WHERE preset IS NULL)`, tk.ID); n != 1 {
			t.Fatalf("sla_met firings = %d, want 1", n)
		}
	})
}

// The lead: urgent tickets that breach their SLA go to a senior,
// who is notified.
func TestBreachReassignsUrgentTicketsToASenior(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		if _, err := k.s.SLA.Create(k.ctx, sla.Input{Name: "Fast", Targets: sla.TargetMinutes{FirstResponse: testutil.Ptr(30)}}); err != nil {
			t.Fatal(err)
		}
		k.rule(automation.Rule{Name: "Breached urgent: to Ada", When: automation.When{Event: "sla_breached"},
			If:   [][]automation.Cond{{{Field: "priority", Op: "is", Value: 3}}},
			Then: []automation.Action{{Action: "set_assignee", Assignee: k.admin.Email}, {Action: "notify", To: "assignee"}}})
		urgent, calm := k.ticket(db.Now()), k.ticket(db.Now())
		three := 3
		if _, err := k.s.Tickets.Update(k.ctx, urgent.ID, ticket.Patch{Priority: &three, ActorID: k.agent.ID}); err != nil {
			t.Fatal(err)
		}
		k.s.SLA.Now = func() time.Time { return time.Now().Add(time.Hour) }
		if _, err := k.s.SLA.Tick(k.ctx); err != nil {
			t.Fatal(err)
		}
		if a := k.get(urgent.ID).Assignee; a == nil || a.ID != k.admin.ID {
			t.Fatalf("the urgent breached ticket's assignee %+v, want Ada", a)
		}
		if a := k.get(calm.ID).Assignee; a != nil {
			t.Fatalf("the calm ticket was reassigned to %+v", a)
		}
		if n := k.count(`SELECT count(*) FROM notifications WHERE operator_id = $1 AND kind = 'automation' AND ticket_id = $2`,
			k.admin.ID, urgent.ID); n != 1 {
			t.Fatalf("notifications for Ada = %d, want 1", n)
		}
	})
}

// A rule that changes a new ticket in its creation's transaction shows in
// what the creation answers (the API returns it), not only on a later read.
func TestCreationAnswersWhatItsRulesWrote(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		k.rule(automation.Rule{Name: "New mail waits", When: automation.When{Event: "ticket_created"},
			Then: []automation.Action{setStatus("Waiting")}})
		tk := k.ticket(db.Now())
		if tk.Status.Name != "Waiting" {
			t.Fatalf("created ticket answers status %q, want Waiting (set by the rule)", tk.Status.Name)
		}
	})
}

// Adding the received mail again returns the team's rule; switching it
// on twice then mails the customer once.
func TestReadyMailRuleExistsOnce(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		first, _, err := k.s.Automations.AddPreset(k.ctx, k.team.ID, "received_mail")
		if err != nil {
			t.Fatal(err)
		}
		again, made, err := k.s.Automations.AddPreset(k.ctx, k.team.ID, "received_mail")
		if err != nil {
			t.Fatal(err)
		}
		if again.ID != first.ID || made {
			t.Fatalf("adding the received mail twice made rules %d and %d", first.ID, again.ID)
		}
		for range 2 {
			if err := k.s.Automations.SetPresetEnabled(k.ctx, k.team.ID, "received_mail", true); err != nil {
				t.Fatal(err)
			}
		}
		tk := k.ticket(db.Now())
		if n := k.count(`SELECT count(*) FROM mail_outbox WHERE ticket_id = $1 AND kind = 'received'`, tk.ID); n != 1 {
			t.Fatalf("received mails = %d, want 1", n)
		}
	})
}

// Notifying the team tells each active member once, by the bell and by
// mail (every time is the default), never the operator whose change fired
// the rule, nor a member switched off.
func TestNotifyTheTeamTellsEachMemberOnce(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		gone := k.operator("lou@example.com", "Lou Gone", "agent")
		if _, err := d.Write.ExecContext(k.ctx, `INSERT INTO team_members (team_id, operator_id) VALUES ($1, $2)`, k.team.ID, gone.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Write.ExecContext(k.ctx, `UPDATE operators SET active = FALSE WHERE id = $1`, gone.ID); err != nil {
			t.Fatal(err)
		}
		k.rule(automation.Rule{Name: "Waiting: tell the team", When: automation.When{Event: "status_entered", Status: "Waiting"},
			Then: []automation.Action{{Action: "notify", To: "team"}}})
		tk := k.ticket(db.Now())
		k.setStatus(tk.ID, "Waiting") // by the agent
		for _, op := range []struct {
			id   int64
			want int
		}{{k.admin.ID, 1}, {k.agent.ID, 0}, {gone.ID, 0}} {
			if n := k.count(`SELECT count(*) FROM notifications WHERE operator_id = $1 AND ticket_id = $2 AND kind = 'automation'`,
				op.id, tk.ID); n != op.want {
				t.Errorf("operator %d: %d notifications, want %d", op.id, n, op.want)
			}
		}
		if n := k.count(`SELECT count(*) FROM mail_outbox WHERE ticket_id = $1 AND to_email = $2`, tk.ID, k.admin.Email); n != 1 {
			t.Errorf("mails to the admin = %d, want 1", n)
		}
	})
}
