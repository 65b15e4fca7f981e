package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAutomationsFlow: an admin adds HubSpot's "answered: wait" rule from
// the ready rules, is told on its line what is wrong with a status the
// pipeline lacks, adds a condition row with the button, switches the rule
// on and sees how many open tickets it matches; an answer then moves a
// ticket to Waiting, and its history and the rule's page say so.
func TestAutomationsFlow(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/settings/automations")
	p.waitText("main", "Ready rules")
	p.screenshot("settings-automations-empty")
	p.do(
		chromedp.Click(chromedp.CSS(`input[name=preset][value=answer_sent_status]`)),
		chromedp.Click(chromedp.CSS(`form[action="/settings/automations/presets"] button[type=submit]`)),
	)
	p.waitText("p.flash", "Rule created.")
	p.waitText("main", "Its conditions match")
	t.Cleanup(func() { // other tests answer tickets of the same team: the rule must not outlive this one
		var rules struct {
			Items []struct {
				ID     int64
				Preset string
			}
		}
		api(t, apiToken(t), "GET", "/rules", nil, &rules)
		for _, r := range rules.Items {
			if r.Preset != "received_mail" && r.Preset != "closed_mail" { // every team's mails stay
				api(t, apiToken(t), "DELETE", fmt.Sprintf("/rules/%d", r.ID), nil, nil)
			}
		}
	})

	p.do(
		chromedp.SetValue(chromedp.CSS(`#act-rows li:first-child input[name=act_value]`), "Limbo"),
		chromedp.Click(chromedp.CSS(`form.settings-form button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`#act-rows .field-error`)),
	)
	p.waitText("#act-rows .field-error", `No status "Limbo"`)
	p.screenshot("settings-rule-refused")
	p.checkAxe("rule refused on its line")

	before := get(p, chromedp.Evaluate[int](`document.querySelectorAll("#cond-rows li").length`))
	p.do(chromedp.Click(chromedp.CSS(`button[data-add-row=cond-row]`)))
	if after := get(p, chromedp.Evaluate[int](`document.querySelectorAll("#cond-rows li").length`)); after != before+1 {
		t.Errorf("Add a condition: %d lines, want %d", after, before+1)
	}
	p.do(
		chromedp.SetValue(chromedp.CSS(`#act-rows li:first-child input[name=act_value]`), "Waiting"),
		chromedp.Click(chromedp.CSS(`#enabled`)),
		chromedp.Click(chromedp.CSS(`form.settings-form button.primary`)),
	)
	p.waitText("p.flash", "Rule saved.")
	p.fitsPhone()
	p.screenshot("settings-rule")
	p.checkAxe("rule page")

	n, _ := apiTicket(t, "The rule moves me", "Rosa", "rosa.rules@example.com")
	p.open(fmt.Sprintf("/tickets/%d", n))
	p.do(
		chromedp.SendKeys(chromedp.CSS("#composer textarea#body"), "Here it is."),
		chromedp.Click(chromedp.CSS("#send")),
	)
	p.waitText("#thread", "Rule “Answered: wait for the customer” changed the status")

	p.open("/settings/automations")
	p.waitText(".settings-table", "Answered: wait for the customer")
	p.fitsPhone()
	p.screenshot("settings-automations")
	p.checkAxe("automations list")
}
