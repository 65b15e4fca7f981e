package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCustomerViewNamesAndBrand: an admin gives the statuses the names
// customers see and sets a brand; the customer's page shows only those
// names, ticks only the step the ticket passed, and carries the brand.
func TestCustomerViewNamesAndBrand(t *testing.T) {
	admin := newPage(t)
	admin.signIn(adminEmail, adminPassword)
	admin.open("/settings/pipelines/1")
	names := map[string]string{"New": "Received", "In Progress": "Being handled", "Waiting": "Being handled", "Closed": "Solved"}
	for i := 0; i < 4; i++ {
		sel := "#sname_" + string(rune('0'+i))
		name := get(admin, chromedp.Value(chromedp.CSS(sel)))
		admin.do(chromedp.SetValue(chromedp.CSS("#scust_"+string(rune('0'+i))), names[name]))
	}
	admin.do(
		chromedp.Click(chromedp.CSS(`button.primary[value=save]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	t.Cleanup(func() { clearCustomerNames(admin) }) // the other tests read the statuses' own names
	admin.open("/settings/brand")
	admin.do(
		chromedp.SendKeys(chromedp.CSS("#name"), "Acme Garden Tools"),
		chromedp.SetValue(chromedp.CSS("#color"), "#1f7a4d"),
		chromedp.Click(chromedp.CSS(`form[action="/settings/brand"] button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	admin.checkAxe("the brand settings")
	admin.screenshot("settings-brand-saved")

	_, link := apiTicket(t, "Where is my order", "Nora", "nora@example.com")
	customer := newPage(t)
	customer.do(chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS(".steps")))
	status := get(customer, chromedp.Text(chromedp.CSS("#status-heading")))
	steps := get(customer, chromedp.Text(chromedp.CSS(".steps")))
	if !strings.Contains(status, "Received") || strings.Contains(steps, "In Progress") || strings.Contains(steps, "Waiting") ||
		!strings.Contains(steps, "Being handled") || !strings.Contains(steps, "Solved") {
		t.Errorf("status %q, steps %q: want only the customer names", status, steps)
	}
	if n := get(customer, chromedp.Evaluate[int](`[...document.querySelectorAll(".steps li")].filter(li => li.textContent.includes("✓")).length`)); n != 0 {
		t.Errorf("a new ticket shows %d ticked steps", n)
	}
	if got := get(customer, chromedp.Text(chromedp.CSS(".brandbar"))); !strings.Contains(got, "Acme Garden Tools") {
		t.Errorf("brand bar %q", got)
	}
	if c := get(customer, chromedp.Evaluate[string](`getComputedStyle(document.documentElement).getPropertyValue("--accent").trim()`)); c != "#1f7a4d" {
		t.Errorf("the page's accent is %q, want the brand's colour", c)
	}
	customer.screenshot("public-customer-names")
	customer.checkAxe("the public page with a brand")
}

// clearCustomerNames gives the default pipeline's statuses their own
// names on the public page again.
func clearCustomerNames(p *page) {
	p.open("/settings/pipelines/1")
	p.do(chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("input.customer-name").forEach(i => i.value = "")`))
	p.do(chromedp.Click(chromedp.CSS(`button.primary[value=save]`)), chromedp.WaitVisible(chromedp.CSS(".flash")))
}
