package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPipelineAutomation: a team lead (an admin: teams have no lead of
// their own yet) switches on "when an answer is mailed to the customer,
// set the status to Waiting" on the pipeline's page, answers a ticket,
// and the ticket is in Waiting; the rule is listed with the others.
func TestPipelineAutomation(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/settings/pipelines/1")
	p.waitText("#automation", "When an answer is mailed to the customer, set the status")
	t.Cleanup(func() { // other tests answer tickets in this pipeline: the rule must not outlive this one
		var rules struct {
			Items []struct {
				ID     int64
				Preset string
				Scope  struct{ Pipeline int64 }
			}
		}
		api(t, apiToken(t), "GET", "/rules", nil, &rules)
		for _, r := range rules.Items {
			if r.Scope.Pipeline == 1 && r.Preset != "" {
				api(t, apiToken(t), "DELETE", fmt.Sprintf("/rules/%d", r.ID), nil, nil)
			}
		}
	})
	if get(p, chromedp.Evaluate[bool](`document.querySelector("#preset-answer_sent_status-on").checked`)) {
		t.Fatal("the answered rule is on before anyone switched it on")
	}
	p.do(
		chromedp.Click(chromedp.CSS(`#preset-answer_sent_status-on`)),
		chromedp.SetValue(chromedp.CSS(`#preset-answer_sent_status-status`), "Waiting"),
		chromedp.Click(chromedp.CSS(`form[action$="/presets/answer_sent_status"] button[type=submit]`)),
	)
	p.waitText("p.flash", "Automation saved.")
	if !get(p, chromedp.Evaluate[bool](`document.querySelector("#preset-answer_sent_status-on").checked`)) {
		t.Fatal("after saving, the answered rule shows off")
	}
	p.waitText("#automation", "Open as a rule")
	p.fitsPhone()
	p.screenshot("settings-pipeline-automation")
	p.checkAxe("the pipeline's automation")

	n, _ := apiTicket(t, "Move me to Waiting", "Wes", "wes.pipeline@example.com")
	p.open(fmt.Sprintf("/tickets/%d", n))
	p.do(
		chromedp.SendKeys(chromedp.CSS("#composer textarea#body"), "Here it is."),
		chromedp.Click(chromedp.CSS("#send")),
	)
	p.waitText("#thread", "Rule “Answered: wait for the customer” changed the status")
	p.open(fmt.Sprintf("/tickets/%d", n))
	p.waitText("dd .status", "Waiting")
	p.open("/settings/automations")
	p.waitText(".settings-table", "Pipeline Support")
}
