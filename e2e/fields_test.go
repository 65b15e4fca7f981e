package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCustomFieldFlow: an admin defines a choice field shown on cards (and
// is told first what is wrong with its name), sets it on a ticket from the
// ticket page, filters the inbox by it with the field as a column, and
// sees it on the ticket's board card; every page passes axe and fits a
// phone.
func TestCustomFieldFlow(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/settings/fields")
	p.do(
		chromedp.Click(chromedp.CSS(`a[href="/settings/fields/new"]`)),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		chromedp.SendKeys(chromedp.CSS("#label"), "Return reason"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Return Reason"),
		chromedp.SendKeys(chromedp.CSS("#help"), "What the customer wants back"),
		chromedp.SetValue(chromedp.CSS("#type"), "choice"),
		chromedp.Click(chromedp.CSS(`form.settings-form button.primary`)),
		chromedp.WaitVisible(chromedp.CSS("#name-error")),
	)
	p.waitText("#name-error", "Must start with a letter")
	p.waitText("#options-error", "List at least one option")
	p.screenshot("settings-field-refused")
	p.checkAxe("field form refused per field")

	p.do(
		chromedp.SetValue(chromedp.CSS("#name"), "return_reason"),
		chromedp.SetValue(chromedp.CSS("#options"), "Refund\nExchange\nRepair"),
		chromedp.Click(chromedp.CSS("#on_card")),
		chromedp.Click(chromedp.CSS(`form.settings-form button.primary`)),
	)
	p.waitText("p.flash", "Field created.")
	p.open("/settings/fields")
	p.waitText(".settings-table", "return_reason")
	p.fitsPhone()
	p.screenshot("settings-fields-list")
	p.checkAxe("fields list")

	tk := seededBySubject(t, "Invoice copy for March")
	p.open(fmt.Sprintf("/tickets/%d", tk.Number))
	p.waitText("#fields", "What the customer wants back")
	p.do(
		chromedp.SetValue(chromedp.CSS("#cf-return_reason"), "Refund"),
		chromedp.Click(chromedp.CSS(`#fields button[type=submit]`)),
	)
	p.waitText("#thread", "set Return reason to Refund")
	if got := get(p, chromedp.Evaluate[string](`document.querySelector("#cf-return_reason").value`)); got != "Refund" {
		t.Errorf("after saving, the field shows %q", got)
	}
	p.fitsPhone()
	p.screenshot("ticket-fields")
	p.checkAxe("ticket with its fields")

	p.open("/inbox?view=open")
	p.do(
		chromedp.Click(chromedp.CSS(`form.filters .filter-menu summary`)),
		chromedp.SetValue(chromedp.CSS(`form.filters select[name=field]`), "return_reason:Refund"),
		chromedp.Click(chromedp.CSS(`form.filters input[name=col][value=return_reason]`)),
		chromedp.Click(chromedp.CSS(`form.filters .filter-pop button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".ticket.has-cells")),
	)
	subjects := get(p, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#tickets .subject")].map(a => a.textContent)`))
	if len(subjects) != 1 || !strings.Contains(subjects[0], tk.Subject) {
		t.Errorf("the inbox filtered by Return reason = Refund lists %q, want only %q", subjects, tk.Subject)
	}
	p.waitText(".ticket.has-cells .cells", "Return reason Refund")
	if !strings.Contains(p.path(), "field=return_reason%3ARefund") || !strings.Contains(p.path(), "col=return_reason") {
		t.Errorf("the filter and the column are not in the address: %s", p.path())
	}
	p.fitsPhone()
	p.screenshot("inbox-field-filter")
	p.checkAxe("inbox filtered by a field, with its column")

	p.open("/board")
	p.waitText(fmt.Sprintf("#ticket-%d .kcard-fields", tk.ID), "Return reasonRefund")
	p.screenshot("board-field-card")
	p.checkAxe("board card with a field")
}
