package e2e

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestContactPageFromTicket follows the customer's name on a ticket to
// their contact page, which lists that ticket; then the contact list, an
// edit refused by the domain and the merge step, each checked by axe.
func TestContactPageFromTicket(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	tk := seeded[0]
	p.open(fmt.Sprintf("/tickets/%d", tk.Number))
	p.do(
		chromedp.Click(chromedp.CSS(".customer-name a")),
		chromedp.WaitVisible(chromedp.CSS("#contact-tickets")),
	)
	contactPath := p.path()
	if !regexp.MustCompile(`^/contacts/\d+$`).MatchString(contactPath) {
		t.Fatalf("the customer's name leads to %s, want a contact page", contactPath)
	}
	links := get(p, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll("#contact-tickets a.subject")].map(a => a.getAttribute("href") + " " + a.textContent)`))
	if !strings.Contains(strings.Join(links, "\n"), fmt.Sprintf("/tickets/%d ", tk.Number)) ||
		!strings.Contains(strings.Join(links, "\n"), tk.Subject) {
		t.Errorf("the contact page lists %q, want ticket %d %q", links, tk.ID, tk.Subject)
	}
	p.screenshot("contact")
	p.checkAxe("a contact page")

	p.do(
		chromedp.Click(chromedp.CSS("details.edit summary")),
		chromedp.SetValue(chromedp.CSS("#phone"), "call me"),
		chromedp.Click(chromedp.CSS("details.edit button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#phone-error")),
	)
	p.screenshot("contact-edit-error")
	p.checkAxe("a contact page with a field error")

	p.open("/contacts")
	p.do(chromedp.WaitVisible(chromedp.CSS("#contacts")))
	p.screenshot("contacts")
	p.checkAxe("the contact list")

	p.open(contactPath + "/merge?from=be")
	p.do(chromedp.Click(chromedp.CSS("a.contact-name")), chromedp.WaitVisible(chromedp.CSS(".merge-effects")))
	p.screenshot("contact-merge")
	p.checkAxe("the merge confirmation")
}
