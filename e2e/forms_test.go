package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// formPayload would set a flag if a page ever ran it.
const formPayload = `<script>window.__pwned=1</script>`

// TestWebsiteForm: an admin adds a choice list and an extra field to the
// support team's form; a customer sends it once with a mistake, then
// right, and gets a ticket number and link; the operator finds the ticket
// in the inbox with the extra answers beside it, and no payload ran.
func TestWebsiteForm(t *testing.T) {
	admin := newPage(t)
	admin.signIn(adminEmail, adminPassword)
	admin.open("/settings/teams/1")
	admin.do(
		chromedp.Click(chromedp.CSS(`a[href="/settings/teams/1/form"]`)),
		chromedp.WaitVisible(chromedp.CSS("form.form-builder")),
		chromedp.Click(chromedp.CSS(`button[value=add]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
		chromedp.WaitVisible(chromedp.CSS("#label-4")),
		chromedp.Clear(chromedp.CSS("#label-4")),
		chromedp.SendKeys(chromedp.CSS("#label-4"), "Plan"),
		chromedp.SetValue(chromedp.CSS("#type-4"), "select"),
		chromedp.Click(chromedp.CSS("#field-4 summary")),
		chromedp.SendKeys(chromedp.CSS("#options-4"), "Free\nPro\nEnterprise"),
		chromedp.Click(chromedp.CSS(`button[value=add]`)),
		chromedp.WaitVisible(chromedp.CSS("#label-5")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
		chromedp.Clear(chromedp.CSS("#label-5")),
		chromedp.SendKeys(chromedp.CSS("#label-5"), "Order number"),
		chromedp.Click(chromedp.CSS("#field-5 summary")),
		chromedp.SendKeys(chromedp.CSS("#placeholder-5"), "A-1234"),
		// The last add left a notice; take it away so the one after saving
		// proves the new page has loaded.
		chromedp.Evaluate[chromedp.Void](`document.querySelector(".flash").remove()`),
		chromedp.Click(chromedp.CSS(`button.primary[value=save]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if got := get(admin, chromedp.Evaluate[string](`document.querySelector("#type-4").value + "|" + document.querySelector("#label-5").value`)); got != "select|Order number" {
		t.Fatalf("saved builder shows %q", got)
	}
	planID := "f-" + get(admin, chromedp.Evaluate[string](`document.querySelector("input[name=name-4]").value`))
	orderID := "f-" + get(admin, chromedp.Evaluate[string](`document.querySelector("input[name=name-5]").value`))
	admin.checkAxe("the form builder")
	admin.screenshot("settings-form")
	admin.open("/settings/teams/1/widget")
	admin.do(chromedp.WaitVisible(chromedp.CSS("#snippet")))
	admin.checkAxe("the widget settings")
	admin.screenshot("settings-widget")

	customer := newPage(t)
	customer.open("/support/support")
	customer.do(chromedp.WaitVisible(chromedp.CSS("#f-email")))
	customer.screenshot("public-form")
	customer.do(
		chromedp.SendKeys(chromedp.CSS("#f-first_name"), "Lin "+formPayload),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "lin@"),
		chromedp.SendKeys(chromedp.CSS("#f-subject"), "Cannot log in "+formPayload),
		chromedp.SendKeys(chromedp.CSS("#f-description"), "Since this morning. "+formPayload),
		chromedp.SetValue(chromedp.CSS("#"+planID), "Pro"),
		chromedp.SendKeys(chromedp.CSS("#"+orderID), formPayload),
		chromedp.Click(chromedp.CSS("button.pf-send")),
		chromedp.WaitVisible(chromedp.CSS("#f-email-error")),
	)
	if kept := get(customer, chromedp.Evaluate[string](`document.querySelector("#f-subject").value + "|" +
		document.querySelector("#`+planID+`").value + "|" + document.querySelector("#`+orderID+`").value`)); kept != "Cannot log in "+formPayload+"|Pro|"+formPayload {
		t.Errorf("the refused form kept %q", kept)
	}
	customer.checkAxe("the public form with an error")
	customer.screenshot("public-form-error")
	customer.do(
		chromedp.Clear(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "lin@example.com"),
		chromedp.Click(chromedp.CSS("button.pf-send")),
		chromedp.WaitVisible(chromedp.CSS(".pf-number")),
	)
	number := get(customer, chromedp.Text(chromedp.CSS(".pf-number")))
	link := get(customer, chromedp.Text(chromedp.CSS("#ticket-link")))
	if !strings.HasPrefix(number, "#") || !strings.HasPrefix(link, srv.url+"/t/") {
		t.Errorf("sent page shows number %q and link %q", number, link)
	}
	customer.screenshot("public-form-sent")
	notRun(t, customer, "the public form")

	admin.open("/inbox?view=unassigned")
	admin.do(chromedp.WaitVisible(chromedp.CSS("main")))
	if inbox := get(admin, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(inbox, "Cannot log in "+formPayload) {
		t.Fatalf("the inbox lacks the form's ticket:\n%s", inbox)
	}
	href := get(admin, chromedp.Evaluate[string](`[...document.querySelectorAll("main a")].find(a => a.textContent.includes("Cannot log in")).getAttribute("href")`))
	admin.open(href)
	admin.do(chromedp.WaitVisible(chromedp.CSS("#form-fields")))
	side := get(admin, chromedp.Text(chromedp.CSS("#form-fields")))
	for _, want := range []string{"Plan", "Pro", "Order number", formPayload} {
		if !strings.Contains(side, want) {
			t.Errorf("the ticket's form answers lack %q: %q", want, side)
		}
	}
	notRun(t, admin, "the agent's ticket page")
	admin.screenshot("ticket-form-answers")
}

func notRun(t *testing.T, p *page, where string) {
	t.Helper()
	if ran := get(p, chromedp.Evaluate[bool](`window.__pwned === 1`)); ran {
		t.Errorf("a payload ran on %s", where)
	}
}
