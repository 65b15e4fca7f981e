package e2e

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestReportsSLAMissOpensTickets: a team lead's morning click. A team of
// its own asks a first response within a minute; two tickets are
// answered after it passed, one at once. On Reports the first-response
// row of the SLA table counts 2 missed; clicking the count lands on an
// inbox list holding exactly those two tickets, and one opens.
func TestReportsSLAMissOpensTickets(t *testing.T) {
	p := longPage(t, 3*time.Minute)
	token := adminToken(t)
	var team struct {
		ID   int64  `json:"id"`
		Slug string `json:"slug"`
	}
	api(t, token, http.MethodPost, "/teams", map[string]any{"name": "Escalations"}, &team)
	api(t, token, http.MethodPost, "/sla-policies", map[string]any{"name": "Escalations fast", "position": 1,
		"match": map[string]any{"teams": []int64{team.ID}}, "targets": map[string]any{"first_response": 1}}, nil)
	open := func(subject string) int64 {
		var tk struct{ ID int64 }
		api(t, token, http.MethodPost, "/tickets", map[string]any{"subject": subject, "team": team.Slug,
			"description": "Seeded by the SLA report test.", "contact": map[string]string{"email": "esc@example.com"}}, &tk)
		return tk.ID
	}
	answer := func(id int64) {
		api(t, token, http.MethodPost, fmt.Sprintf("/tickets/%d/messages", id), map[string]any{"kind": "reply",
			"body": "Sorry for the wait."}, nil)
	}
	late := []string{"Escalation: server room flooded", "Escalation: badge reader dead"}
	first, second := open(late[0]), open(late[1])
	time.Sleep(65 * time.Second) // the one-minute target passes
	answer(first)
	answer(second)
	answer(open("Escalation: quick question"))

	p.signIn(adminEmail, adminPassword)
	p.open("/reports?period=today&team=" + team.Slug)
	missed := `#sla-targets a[aria-label="2 missed, First response"]`
	p.do(chromedp.WaitVisible(chromedp.CSS(missed)))
	hint := get(p, chromedp.Evaluate[string](`document.querySelector(".figure a.hint").textContent`))
	if hint != "2 of 3 missed" {
		t.Errorf("the SLA figure's hint reads %q, want 2 of 3 missed", hint)
	}
	p.screenshot("reports-sla-missed")
	p.do(chromedp.Click(chromedp.CSS(missed)))
	p.waitText("main", "SLA missed (first response) on")
	subjects := get(p, chromedp.Evaluate[[]string](`[...document.querySelectorAll("li.ticket a.subject")].map(a =>
		a.textContent.replace(/^\s*#\d+\s*/, "").trim())`))
	slices.Sort(subjects)
	slices.Sort(late)
	if strings.Join(subjects, "|") != strings.Join(late, "|") {
		t.Fatalf("the missed count opens %q, want exactly %q", subjects, late)
	}
	p.screenshot("reports-sla-missed-list")
	p.checkAxe("the tickets behind an SLA miss count")
	p.do(chromedp.Click(chromedp.CSS(`li.ticket a.subject`)))
	p.waitText("main", "Escalation: ")
	if !strings.HasPrefix(p.path(), "/tickets/") {
		t.Errorf("a missed ticket opens %s, want its page", p.path())
	}
}
