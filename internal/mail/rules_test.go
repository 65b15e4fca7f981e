package mail_test

import (
	"context"
	"net/mail"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// HubSpot's pipeline automation through real mail in and out: the answer
// mailed moves the ticket to Waiting, the customer's mailed reply moves
// it back to In Progress, closing mails the closed template from a rule
// (automatic, Auto-Submitted), and a rule's mail to an auto-reply is
// suppressed by the channel's loop protection.
func TestRulesThroughRealMail(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		op, err := w.s.Operators.Create(ctx, operator.NewOperator{Email: "grace@help.example.org",
			Name: "Grace Hopper", Role: operator.Agent, Password: "correct horse battery"})
		if err != nil {
			t.Fatal(err)
		}
		teams, err := w.s.Teams.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []automation.Rule{
			{Name: "Answered: wait", When: automation.When{Event: "answer_sent"},
				Then: []automation.Action{{Action: "set_status", Status: "Waiting"}}},
			{Name: "Replied: work", When: automation.When{Event: "customer_replied"},
				Then: []automation.Action{{Action: "set_status", Status: "In Progress"},
					{Action: "mail_customer", Template: "received", Subject: "Got your reply on {{ticket.subject}}", Body: "Thanks, see {{ticket_url}}"}}},
			{Name: "Closed: goodbye", When: automation.When{Event: "status_entered", Status: "Closed"},
				Then: []automation.Action{{Action: "mail_customer", Template: "closed", Subject: "Goodbye from the rule", Body: "Closed: {{ticket_url}}"}}},
		} {
			r.Enabled, r.Scope.Team = true, teams[0].ID
			if _, err := w.s.Automations.Create(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		status, id := w.send("ada@example.com", []string{"support@localhost"}, `From: Ada Lovelace <ada@example.com>
To: support@localhost
Subject: Printer on fire
Message-ID: <first@ada.example>

The office printer is smoking.
`)
		if status != inbound.StatusProcessed {
			t.Fatalf("the first mail: %s", status)
		}
		w.flush()
		tk, _ := w.s.Tickets.Get(ctx, id)
		if _, err := w.s.Tickets.AddMessage(ctx, id, ticket.NewMessage{Kind: ticket.Reply, Body: "Unplug it.", OperatorID: op.ID}); err != nil {
			t.Fatal(err)
		}
		if tk, _ = w.s.Tickets.Get(ctx, id); tk.Status.Name != "Waiting" {
			t.Fatalf("after the mailed answer: %q, want Waiting", tk.Status.Name)
		}
		reply := w.flush()
		rp, _ := read(t, reply[0].Data)
		replyTo := "support+" + tk.PublicToken + "@localhost"
		w.send("ada@example.com", []string{replyTo}, `From: Ada Lovelace <ada@example.com>
To: `+replyTo+`
Subject: Re: `+subject(rp)+`
Message-ID: <second@ada.example>
In-Reply-To: `+rp.Header.Get("Message-ID")+`

Unplugged, it still smells.
`)
		if tk, _ = w.s.Tickets.Get(ctx, id); tk.Status.Name != "In Progress" {
			t.Fatalf("after the customer's mailed reply: %q, want In Progress", tk.Status.Name)
		}
		thanks := w.flush()
		if len(thanks) != 1 || !strings.Contains(subject(mustRead(t, thanks[0].Data)), "Got your reply on Printer on fire") {
			t.Fatalf("the rule's mail to the customer's reply: %d mails", len(thanks))
		}
		w.send("ada@example.com", []string{replyTo}, `From: Ada Lovelace <ada@example.com>
To: `+replyTo+`
Subject: Out of office
Auto-Submitted: auto-replied
Message-ID: <ooo@ada.example>

I am away.
`)
		if n := w.count(`SELECT COUNT(*) FROM mail_outbox WHERE ticket_id = $1 AND status = 'suppressed'
			AND subject LIKE '%Got your reply%'`, id); n != 1 {
			t.Errorf("rule mails to an auto-reply suppressed: %d, want 1", n)
		}
		if _, err := w.s.Tickets.Update(ctx, id, ticket.Patch{Status: testutil.Ptr("Closed"), ActorID: op.ID}); err != nil {
			t.Fatal(err)
		}
		var goodbye bool
		for _, g := range w.flush() {
			m := mustRead(t, g.Data)
			goodbye = goodbye || strings.Contains(subject(m), "Goodbye from the rule") && m.Header.Get("Auto-Submitted") == "auto-replied"
		}
		if !goodbye {
			t.Error("the rule's closed mail did not go out with Auto-Submitted")
		}
	})
}

func mustRead(t *testing.T, data []byte) *mail.Message {
	t.Helper()
	m, _ := read(t, data)
	return m
}

// A mail a rule sends further down a chain that an auto-reply began is
// suppressed too: the chain keeps the mail that started it.
func TestRuleChainKeepsTheAutoReplyGuard(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		teams, err := w.s.Teams.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []automation.Rule{
			{Name: "Any mail: urgent", When: automation.When{Event: "ticket_created"},
				Then: []automation.Action{{Action: "set_priority", Priority: testutil.Ptr(3)}}},
			{Name: "Urgent: tell them", When: automation.When{Event: "priority_changed", AfterRules: true},
				Then: []automation.Action{{Action: "mail_customer", Template: "received", Subject: "Urgent, we are on it", Body: "See {{ticket_url}}"}}},
		} {
			r.Enabled, r.Scope.Team = true, teams[0].ID
			if _, err := w.s.Automations.Create(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		_, id := w.send("bot@example.com", []string{"support@localhost"}, `From: Away <bot@example.com>
To: support@localhost
Subject: Out of office
Auto-Submitted: auto-replied
Message-ID: <away@bot.example>

I am away.
`)
		if n := w.count(`SELECT COUNT(*) FROM mail_outbox WHERE ticket_id = $1 AND subject LIKE '%we are on it%'
			AND status <> 'suppressed'`, id); n != 0 {
			t.Errorf("a chained rule's mails to an auto-reply not suppressed: %d, want 0", n)
		}
	})
}
