package e2e

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// subjectsOnPage reads the inbox rows' subjects, top to bottom, without
// their ticket numbers.
func subjectsOnPage(p *page) []string {
	p.t.Helper()
	raw := get(p, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll("#tickets li.ticket .subject")].map(e => e.textContent)`))
	num := regexp.MustCompile(`^\s*#\d+\s*`)
	for i, s := range raw {
		raw[i] = strings.TrimSpace(num.ReplaceAllString(s, ""))
	}
	return raw
}

func TestInboxHighestPriorityFirst(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.screenshot("inbox")

	want := slices.Clone(seeded)
	slices.SortStableFunc(want, func(a, b seedTicket) int { return b.Priority - a.Priority })
	var wantSubjects []string
	for _, s := range want {
		wantSubjects = append(wantSubjects, s.Subject)
	}
	if got := subjectsOnPage(p); !slices.Equal(got, wantSubjects) {
		t.Errorf("inbox rows:\n  %q\nwant highest priority first:\n  %q", got, wantSubjects)
	}
}

func TestOpenTicketFromInbox(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	top := slices.MaxFunc(seeded, func(a, b seedTicket) int { return a.Priority - b.Priority })
	p.do(
		chromedp.Click(chromedp.CSS("#tickets li.ticket a[href^='/tickets/']")),
		chromedp.WaitVisible(chromedp.CSS("#thread")),
	)
	if got, want := p.path(), fmt.Sprintf("/tickets/%d", top.Number); got != want {
		t.Errorf("the first row leads to %s, want %s (%q)", got, want, top.Subject)
	}
	if h1 := get(p, chromedp.Text(chromedp.CSS("main h1"))); !strings.Contains(h1, top.Subject) {
		t.Errorf("the ticket page's heading is %q, want it to name %q", h1, top.Subject)
	}
	p.screenshot("ticket")
	p.checkAxe("the ticket page")
}
