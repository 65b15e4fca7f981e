package automation_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/webhook"
)

// A rule's call_webhook queues the ticket's event for the one webhook it
// names, in the rule's transaction, whatever events the webhook wants; a
// customer-facing webhook never hears of a note; an unknown webhook is
// refused on the action.
func TestRuleCallsAWebhook(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		hook := func(name string, customer bool) webhook.Webhook {
			w, err := k.s.Webhooks.Create(k.ctx, webhook.Input{Name: &name, URL: testutil.Ptr("https://crm.example/" + name),
				Events: &[]string{"ticket_created"}, CustomerFacing: &customer})
			if err != nil {
				t.Fatal(err)
			}
			return w
		}
		crm, portal := hook("crm", false), hook("portal", true)
		_, err := k.s.Automations.Create(k.ctx, automation.Rule{Name: "Bad", Scope: automation.Scope{Team: k.team.ID},
			When: automation.When{Event: "answer_sent"}, Then: []automation.Action{{Action: "call_webhook", Webhook: 999}}})
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || !strings.Contains(ve.Fields["then[0].webhook"], "no webhook") {
			t.Fatalf("an unknown webhook: %v, want a refusal on then[0].webhook", err)
		}
		k.rule(automation.Rule{Name: "Answered: tell the CRM", When: automation.When{Event: "answer_sent"},
			Then: []automation.Action{{Action: "call_webhook", Webhook: crm.ID}}})
		k.rule(automation.Rule{Name: "Noted: tell both", When: automation.When{Event: "note_added"},
			Then: []automation.Action{{Action: "call_webhook", Webhook: crm.ID}, {Action: "call_webhook", Webhook: portal.ID}}})
		tk := k.ticket(db.Now())
		k.answer(tk.ID)
		if _, err := k.s.Tickets.AddMessage(k.ctx, tk.ID, ticket.NewMessage{Kind: ticket.Note, Body: "Secret margin 40%",
			OperatorID: k.agent.ID}); err != nil {
			t.Fatal(err)
		}
		var body string
		if err := d.Read.QueryRowContext(k.ctx, `SELECT body FROM webhook_deliveries WHERE webhook_id = $1 AND event = 'answer_sent'`,
			crm.ID).Scan(&body); err != nil {
			t.Fatalf("the CRM's answer_sent delivery: %v", err)
		}
		if !strings.Contains(body, `"subject":"Printer on fire"`) || !strings.Contains(body, `"rule":"Answered: tell the CRM"`) {
			t.Fatalf("delivery body %s lacks the ticket or the rule", body)
		}
		if n := k.count(`SELECT count(*) FROM webhook_deliveries WHERE webhook_id = $1 AND event = 'note_added'`, crm.ID); n != 1 {
			t.Fatalf("the CRM's note deliveries = %d, want 1", n)
		}
		if n := k.count(`SELECT count(*) FROM webhook_deliveries WHERE webhook_id = $1 AND event = 'note_added'`, portal.ID); n != 0 {
			t.Fatalf("the customer-facing webhook got %d deliveries of a note, want none", n)
		}
		if n := k.count(`SELECT count(*) FROM webhook_deliveries WHERE body LIKE '%Secret margin%'`); n != 0 {
			t.Fatal("a note's text reached a webhook")
		}
	})
}
