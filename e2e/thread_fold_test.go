package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A long thread folds its middle; the fold opens in place from the
// keyboard, and the focus goes to the thread.
func TestLongThreadFold(t *testing.T) {
	token := adminToken(t)
	var tk struct{ ID, Number int64 }
	api(t, token, http.MethodPost, "/tickets", map[string]any{"subject": "A very long story", "team": "support",
		"description": "Chapter 00.", "contact": map[string]string{"email": "saga@example.com", "first_name": "Sage"}}, &tk)
	for i := 1; i <= 45; i++ {
		api(t, token, http.MethodPost, fmt.Sprintf("/tickets/%d/messages", tk.ID), map[string]any{"kind": "note",
			"body": fmt.Sprintf("Chapter %02d.", i)}, nil)
	}
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open(fmt.Sprintf("/tickets/%d", tk.Number))
	fold := "#thread .thread-fold a"
	p.do(chromedp.WaitVisible(chromedp.CSS(fold)))
	if label := get(p, chromedp.Text(chromedp.CSS(fold))); label != "Show 25 earlier messages" {
		t.Errorf("the fold reads %q", label)
	}
	if n := get(p, chromedp.Evaluate[int](`document.querySelectorAll("#thread .msg").length`)); n != 21 {
		t.Errorf("the folded thread shows %d messages, want the first and the latest 20", n)
	}
	p.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("#thread .thread-fold").scrollIntoView({block: "center"})`))
	p.screenshot("ticket-thread-fold")
	p.checkAxe("a long thread, folded")
	p.do(chromedp.Focus(chromedp.CSS(fold)), chromedp.KeyEvent("\r"))
	p.waitText("#thread", "Chapter 01.")
	if n := get(p, chromedp.Evaluate[int](`document.querySelectorAll("#thread .msg").length`)); n != 46 {
		t.Errorf("the opened thread shows %d messages, want 46", n)
	}
	if id := get(p, chromedp.Evaluate[string](`document.activeElement.id`)); id != "thread" {
		t.Errorf("after opening the fold the focus is on %q, want the thread", id)
	}
	if !strings.Contains(p.path(), "thread=all") {
		t.Errorf("the address after opening the fold is %s", p.path())
	}
}
