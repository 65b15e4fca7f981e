package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// keptTickets is how many tickets the widget keeps in this browser; -1
// when it keeps no list at all.
func keptTickets(p *page) int {
	return get(p, chromedp.Evaluate[int](
		`(() => { const v = localStorage.getItem("frontdesk:support:tickets"); return v === null ? -1 : JSON.parse(v).length; })()`))
}

// One browser, several people: an anonymous visitor's tickets are kept
// only while no one is signed in, and forgotten when the host signs
// someone in or out. An address that already belongs to a customer gets
// no link in the browser: it is mailed to the address.
func TestWidgetSharedBrowser(t *testing.T) {
	secret := allowHost(t)
	p := newPage(t)
	p.do(chromedp.Navigate(hostPage(t, "/shared", "", "")), chromedp.WaitVisible(in(".launcher")))
	p.do(chromedp.Click(in(".launcher")), chromedp.WaitVisible(in("#fd-f-email")))
	send := func(subject string) {
		p.do(chromedp.SendKeys(in("#fd-f-email"), "lena@example.com"), chromedp.SendKeys(in("#fd-f-subject"), subject),
			chromedp.SendKeys(in("#fd-f-description"), "The blade is blunt."), chromedp.Click(in("button.primary")))
	}
	send("Hedge trimmer")
	p.waitWidgetText(".ok", "is open")
	if n := keptTickets(p); n != 1 {
		t.Fatalf("after opening a ticket with a new address the browser keeps %d tickets, want 1", n)
	}
	p.do(chromedp.Click(in("nav button")), chromedp.WaitVisible(in("#fd-f-subject")))
	send("Hedge trimmer again")
	p.waitWidgetText(".ok", "we have mailed you a link to follow this ticket")
	p.screenshot("widget-link-mailed")
	if n := keptTickets(p); n != 1 {
		t.Errorf("a ticket opened with a customer's address was kept: %d tickets", n)
	}

	p.do(chromedp.Evaluate[chromedp.Void](`Frontdesk.identify(null)`))
	if n := keptTickets(p); n != -1 {
		t.Errorf("after identify(null) the browser still keeps %d tickets", n)
	}

	p.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`Frontdesk.identify({external_id: "acme-user-88", email: "kim@example.com", signature: %q})`,
		sign(secret, "acme-user-88"))))
	p.do(chromedp.Click(in("nav button")), chromedp.WaitVisible(in("#fd-f-subject")))
	p.do(chromedp.SendKeys(in("#fd-f-subject"), "Signed question"), chromedp.SendKeys(in("#fd-f-description"), "Hello."),
		chromedp.Click(in("button.primary")))
	p.waitWidgetText(".ok", "is open")
	if n := keptTickets(p); n != -1 {
		t.Errorf("a signed visitor's ticket was kept in the browser: %d tickets", n)
	}
}
