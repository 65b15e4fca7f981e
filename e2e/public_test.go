package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// apiTicket opens a ticket through the REST API, as a customer's website
// integration would, and returns its number and public URL.
func apiTicket(t *testing.T, subject, firstName, email string) (int64, string) {
	t.Helper()
	return apiTicketFor(t, subject, firstName, "", email)
}

// apiTicketFor is apiTicket for a customer with a last name too.
func apiTicketFor(t *testing.T, subject, firstName, lastName, email string) (int64, string) {
	t.Helper()
	out, err := exec.Command(srv.bin, "token", "create", "--db", srv.db, "--email", adminEmail).Output()
	if err != nil {
		t.Fatalf("token create: %v", err)
	}
	body, _ := json.Marshal(map[string]any{"subject": subject, "team": "support",
		"description": "Opened for the public page test.",
		"contact":     map[string]string{"email": email, "first_name": firstName, "last_name": lastName}})
	req, _ := http.NewRequest(http.MethodPost, srv.url+"/api/v1/tickets", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(out)))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var tk struct {
		Number    int64  `json:"number"`
		PublicURL string `json:"public_url"`
	}
	if err := json.NewDecoder(res.Body).Decode(&tk); err != nil || res.StatusCode != http.StatusCreated {
		t.Fatalf("create ticket: %d %v", res.StatusCode, err)
	}
	return tk.Number, tk.PublicURL
}

// waitText waits until the element's text holds want.
func (p *page) waitText(sel, want string) {
	p.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		got := get(p, chromedp.Evaluate[string](fmt.Sprintf(`(document.querySelector(%q) || {}).textContent || ""`, sel)))
		if strings.Contains(got, want) {
			return
		}
	}
	p.t.Fatalf("%s never showed %q; the page at %s says:\n%s", sel, want, p.path(),
		get(p, chromedp.Text(chromedp.CSS("body"))))
}

// compose sends a reply or a note from the agent app's composer.
func (p *page) compose(kind, text string) {
	p.t.Helper()
	p.do(
		chromedp.Click(chromedp.CSS("label.kind-"+kind)),
		chromedp.SendKeys(chromedp.CSS("#composer textarea#body"), text),
		chromedp.Click(chromedp.CSS("#composer button[type=submit]")),
	)
	p.waitText("#thread", text)
}

// An operator answers and notes; the customer follows the public link,
// sees the answer and never the note, and comments; the operator sees it.
func TestPublicTicketPage(t *testing.T) {
	op := newPage(t)
	id, link := apiTicket(t, "The app crashes on start", "Nora", "nora@example.com")
	op.signIn(adminEmail, adminPassword)
	op.open(fmt.Sprintf("/tickets/%d", id))
	op.compose("reply", "Please update to version 4.2 and try again.")
	op.compose("note", "NOTE-e2e: known bug, fix ships Friday")

	customer := newPage(t)
	customer.do(chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("form.comment")))
	page := get(customer, chromedp.Text(chromedp.CSS("body")))
	for _, want := range []string{"The app crashes on start", "Please update to version 4.2", "Admin", "Status: New"} {
		if !strings.Contains(page, want) {
			t.Errorf("the public page lacks %q", want)
		}
	}
	if strings.Contains(get(customer, chromedp.Evaluate[string](`document.documentElement.outerHTML`)), "NOTE-e2e") {
		t.Error("the public page shows the internal note")
	}
	customer.do(
		chromedp.SendKeys(chromedp.CSS("form.comment textarea#body"), "Version 4.2 still crashes, sorry."),
		chromedp.Click(chromedp.CSS("form.comment button[type=submit]")),
	)
	customer.waitText("p.flash", "Your comment was added")
	customer.waitText(".thread", "Version 4.2 still crashes")
	for _, v := range viewports {
		customer.do(chromedp.EmulateViewport(v.width, v.height))
		if w := get(customer, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > int(v.width) {
			t.Errorf("at %dpx the page is %dpx wide: it scrolls sideways", v.width, w)
		}
	}
	customer.screenshot("public-ticket")
	customer.checkAxe("the public ticket page")

	op.open(fmt.Sprintf("/tickets/%d", id))
	op.waitText("#thread", "Version 4.2 still crashes, sorry.")
}

// A subject and a name that would run script if they reached the page
// unescaped: the flag an executed payload sets stays unset.
func TestPublicPagePayloadsStayInert(t *testing.T) {
	payload := `<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=1">`
	_, link := apiTicket(t, "Help "+payload, payload, "mallory@example.com")
	p := newPage(t)
	p.do(chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("form.comment")))
	p.do(
		chromedp.SendKeys(chromedp.CSS("form.comment textarea#body"), payload),
		chromedp.Click(chromedp.CSS("form.comment button[type=submit]")),
	)
	p.waitText("p.flash", "Your comment was added")
	if got := get(p, chromedp.Evaluate[string](`typeof window.__pwned`)); got != "undefined" {
		t.Errorf("window.__pwned is %s: a payload ran", got)
	}
	if h1 := get(p, chromedp.Text(chromedp.CSS("h1"))); !strings.Contains(h1, "<script>") {
		t.Errorf("the subject should show as text, got %q", h1)
	}
}
