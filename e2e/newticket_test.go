package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// An operator opens a ticket for a customer who phoned: a refused form
// keeps what was typed, then the ticket opens with the customer beside it.
func TestNewTicketForCustomer(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.do(
		chromedp.Click(chromedp.CSS(`header.bar a[href="/tickets/new"]`)),
		chromedp.WaitVisible(chromedp.CSS("form.nt-form")),
		chromedp.SendKeys(chromedp.CSS("#email"), "grace@example.com"),
		chromedp.SendKeys(chromedp.CSS("#first_name"), "Grace"),
		chromedp.SendKeys(chromedp.CSS("#last_name"), "Hopper"),
		chromedp.SendKeys(chromedp.CSS("#description"), "Called: the invoice total looks wrong."),
		chromedp.Click(chromedp.CSS(`label[for="priority-2"]`)),
		chromedp.Click(chromedp.CSS("form.nt-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#subject-error")),
	)
	if msg := get(p, chromedp.Text(chromedp.CSS("#subject-error"))); !strings.Contains(msg, "subject is required") {
		t.Errorf("the subject's error says %q", msg)
	}
	if kept := get(p, chromedp.Evaluate[string](`document.querySelector("#first_name").value + "|" +
		document.querySelector("#description").value + "|" + document.querySelector("input[name=priority]:checked").value`)); kept != "Grace|Called: the invoice total looks wrong.|2" {
		t.Errorf("the refused form kept %q", kept)
	}
	p.screenshot("new-ticket-error")
	p.checkAxe("the new ticket form with errors")

	p.do(
		chromedp.SendKeys(chromedp.CSS("#subject"), "Invoice total looks wrong"),
		chromedp.Click(chromedp.CSS("form.nt-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#thread")),
	)
	if !strings.HasPrefix(p.path(), "/tickets/") {
		t.Fatalf("after creating, the browser is at %s", p.path())
	}
	body := get(p, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Invoice total looks wrong", "Grace Hopper", "grace@example.com",
		"Called: the invoice total looks wrong.", "Priority: high (2 of 3)"} {
		if !strings.Contains(body, want) {
			t.Errorf("the new ticket's page lacks %q", want)
		}
	}
}
