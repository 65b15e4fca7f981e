package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestTopBarSearch finds a ticket from the top bar by its number, by its
// customer's full name and by their address, each the way a person does
// it: "/" to reach the box, type, Enter; then opens it by its number URL.
func TestTopBarSearch(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	tk := seeded[1] // customer Ben, ben@example.com
	n, _ := apiTicketFor(t, "Cannot print the label", "Ines", "Yilmaz", "ines.yilmaz@example.org")
	ines := fmt.Sprintf("#%d Cannot print the label", n)
	cases := []struct{ q, want string }{
		{fmt.Sprintf("#%d", tk.Number), fmt.Sprintf("#%d %s", tk.Number, tk.Subject)},
		{fmt.Sprint(n), ines},
		{"Ines Yilmaz", ines},
		{"ines yil", ines},
		{"ines.yilmaz@example.org", ines},
		{"example.org", ines},
	}
	for _, tc := range cases {
		q := tc.q
		p.open("/inbox")
		p.do(chromedp.KeyEvent("/"))
		// chromedp types the key's character even though the page took
		// the key; a person's browser does not.
		if !get(p, chromedp.Evaluate[bool](`(q => { q.value = ""; return document.activeElement === q })(document.getElementById("top-q"))`)) {
			t.Fatal("/ does not reach the search box")
		}
		p.do(
			chromedp.SendKeys(chromedp.CSS("#top-q:focus"), q+kb.Enter),
			chromedp.WaitVisible(chromedp.CSS("main section.search-part")),
		)
		if !strings.HasPrefix(p.path(), "/search?q=") {
			t.Fatalf("searching %q leads to %s", q, p.path())
		}
		found := get(p, chromedp.Evaluate[[]string](`[...document.querySelectorAll("main a.subject")].map(a => a.textContent.trim())`))
		if len(found) == 0 || found[0] != tc.want {
			t.Errorf("searching %q lists %q, want %q first", q, found, tc.want)
		}
		if q == "Ines Yilmaz" {
			if who := get(p, chromedp.Text(chromedp.CSS("main .contact-name"))); who != "Ines Yilmaz" {
				t.Errorf("searching %q lists the customer %q", q, who)
			}
			p.screenshot("search")
			p.checkAxe("the search results")
		}
	}
	p.do(chromedp.Click(chromedp.CSS("main a.subject")), chromedp.WaitVisible(chromedp.CSS("#thread")))
	if got, want := p.path(), fmt.Sprintf("/tickets/%d", n); got != want {
		t.Errorf("the result opens %s, want %s (the number people see)", got, want)
	}
}
