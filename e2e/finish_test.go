package e2e

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Every page, the public ones included, carries the icon; /favicon.ico
// answers with it.
func TestFavicon(t *testing.T) {
	res, err := http.Get(srv.url + "/favicon.ico")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/svg+xml" || !strings.Contains(string(body), "<svg") {
		t.Errorf("/favicon.ico: %d %s %.60q", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	_, link := apiTicket(t, "Icon check", "Ivo", "ivo@example.com")
	p := newPage(t)
	icon := `document.querySelector('link[rel=icon]')?.getAttribute("href") || ""`
	for _, path := range []string{"/login", "/support/support", strings.TrimPrefix(link, srv.url)} {
		p.open(path)
		if got := get(p, chromedp.Evaluate[string](icon)); got != "/favicon.ico" {
			t.Errorf("%s links the icon %q, want /favicon.ico", path, got)
		}
	}
	p.signIn(adminEmail, adminPassword)
	if got := get(p, chromedp.Evaluate[string](icon)); got != "/favicon.ico" {
		t.Errorf("the inbox links the icon %q", got)
	}
}

// An unknown address and a forbidden one show inside the app, with its
// navigation, in sentence case.
func TestErrorPagesKeepTheNavigation(t *testing.T) {
	addAgentWith(t, "erin@e2e.test", "Erin Error", "a password erin types")
	p := newPage(t)
	p.signIn("erin@e2e.test", "a password erin types")
	cases := []struct{ path, heading, message string }{
		{"/no/such/page", "Page not found", "There is no page at this address."},
		{"/settings/teams", "Not allowed", "Only an admin can change the settings."},
		{"/tickets/999999", "Page not found", "There is no ticket at this address."},
	}
	for _, c := range cases {
		p.open(c.path)
		if !get(p, chromedp.Evaluate[bool](`!!document.querySelector("header.bar nav#main-nav a[href='/inbox']")`)) {
			t.Errorf("%s: the error page has no navigation", c.path)
		}
		h1 := get(p, chromedp.Text(chromedp.CSS("main h1")))
		msg := get(p, chromedp.Text(chromedp.CSS(".error-page p")))
		if h1 != c.heading || msg != c.message {
			t.Errorf("%s: %q / %q, want %q / %q", c.path, h1, msg, c.heading, c.message)
		}
	}
	p.open("/no/such/page")
	p.screenshot("error-404")
	p.checkAxe("the not-found page")
	anon := newPage(t)
	anon.open("/no/such/page")
	if get(anon, chromedp.Evaluate[bool](`!!document.querySelector("header.bar")`)) ||
		!get(anon, chromedp.Evaluate[bool](`!!document.querySelector(".error-page a[href='/login']")`)) {
		t.Error("signed out, the not-found page shows the app's navigation or no way to sign in")
	}
}

// After a wrong password the cursor is back in the password field.
func TestWrongPasswordFocusesPassword(t *testing.T) {
	p := newPage(t)
	p.open("/login")
	p.do(
		chromedp.SendKeys(chromedp.CSS("#email"), adminEmail),
		chromedp.SendKeys(chromedp.CSS("#password"), "not the password"),
		chromedp.Click(chromedp.CSS("form[action='/login'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#form-error")),
	)
	if id := get(p, chromedp.Evaluate[string](`document.activeElement.id`)); id != "password" {
		t.Errorf("after a wrong password the focus is on %q, want the password", id)
	}
	if v := get(p, chromedp.Evaluate[string](`document.getElementById("email").value`)); v != adminEmail {
		t.Errorf("the address was not kept: %q", v)
	}
}

// A bulk change answers with a redirect: the page after it is a plain
// GET, so a reload shows the list again rather than posting twice.
func TestBulkRedirectsAfterThePost(t *testing.T) {
	n, _ := apiTicket(t, "Bulk reload check", "Bo", "bo@example.com")
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/inbox?view=unassigned")
	row := fmt.Sprintf(`[...document.querySelectorAll("#tickets li.ticket")].find(li => li.querySelector(".num").textContent === "#%d")`, n)
	if get(p, chromedp.Evaluate[bool](`!document.getElementById("bulk").hidden`)) {
		t.Error("the bulk form shows before any row is ticked")
	}
	p.do(chromedp.Evaluate[chromedp.Void](row + `.querySelector("input.pick").click()`))
	if get(p, chromedp.Evaluate[bool](`document.getElementById("bulk").hidden`)) {
		t.Fatal("ticking a row does not show the bulk form")
	}
	p.do(chromedp.SetValue(chromedp.CSS("#bulk select[name=priority]"), "2"),
		chromedp.Click(chromedp.CSS("#bulk button[type=submit]")))
	p.waitText("p.flash", "1 ticket updated.")
	if kind := get(p, chromedp.Evaluate[string](`performance.getEntriesByType("navigation")[0].type`)); kind != "navigate" {
		t.Errorf("the page after the bulk post was reached by %q", kind)
	}
	if !strings.HasPrefix(p.path(), "/inbox?") || !strings.Contains(p.path(), "view=unassigned") {
		t.Errorf("after the bulk change the address is %s, want the view it came from", p.path())
	}
	p.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#tickets")))
	if get(p, chromedp.Evaluate[bool](`!!document.querySelector("p.flash")`)) {
		t.Error("the summary shows again after a reload: the change was posted twice, or the message stuck")
	}
}
