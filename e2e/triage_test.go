package e2e

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// tabCount reads the count shown on the inbox tab whose label starts with label.
func tabCount(p *page, label string) int {
	p.t.Helper()
	text := get(p, chromedp.Evaluate[string](fmt.Sprintf(
		`([...document.querySelectorAll("nav.tabs a")].find(a => a.textContent.trim().startsWith(%q))?.querySelector(".tab-count")?.textContent || "").replace(/\D/g, "")`, label)))
	n, err := strconv.Atoi(text)
	if err != nil {
		p.t.Fatalf("the %s tab shows no count (%q)", label, text)
	}
	return n
}

// The inbox fits triage on a laptop: the first ticket sits in the top third
// of the screen, the views carry their counts, priority reads as a level.
func TestInboxTriageAtAGlance(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.do(chromedp.EmulateViewport(1280, 800))
	p.open("/inbox?view=open")
	if top := get(p, chromedp.Evaluate[float64](`document.querySelector("#tickets li.ticket").getBoundingClientRect().top`)); top > 800/3 {
		t.Errorf("at 1280×800 the first ticket row starts at %.0f px, below the top third (267 px)", top)
	}
	rows := get(p, chromedp.Evaluate[int](`document.querySelectorAll("#tickets li.ticket").length`))
	more := get(p, chromedp.Evaluate[bool](`!!document.querySelector("#tickets li.more")`))
	if n := tabCount(p, "All open"); n != rows && !more || n <= rows && more {
		t.Errorf("the All open tab counts %d, the view lists %d tickets (more to load: %v)", n, rows, more)
	}
	if n := tabCount(p, "My open"); n < 4 {
		t.Errorf("the My open tab counts %d, want at least the 4 seeded tickets assigned to the admin", n)
	}
	if get(p, chromedp.Evaluate[bool](`[...document.querySelectorAll("nav.tabs a")].some(a => a.textContent.includes("Closed") && a.querySelector(".tab-count"))`)) {
		t.Error("the Closed tab carries a count; it only grows, so it should not")
	}
	name := get(p, chromedp.Evaluate[string](`document.querySelector("#tickets li.ticket .prio-name").textContent`))
	if !strings.Contains(name, "Urgent") {
		t.Errorf("the first row's priority reads %q, want the level Urgent", name)
	}
	if !get(p, chromedp.Evaluate[bool](`[...document.querySelectorAll("#tickets .star > span")].every(s => s.getAttribute("aria-hidden") === "true")`)) {
		t.Error("the star glyphs are read out; the level's name is the accessible text")
	}
	p.screenshot("inbox-triage")
	p.checkAxe("the inbox for triage")
}

// Filters live behind one button; each active one is a chip whose link
// removes it; the sort applies when chosen.
func TestInboxFilterChipsAndSort(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/inbox?view=open")
	if get(p, chromedp.Evaluate[bool](`document.querySelector(".filter-pop").checkVisibility()`)) {
		t.Error("the filter menus show before Filters is pressed")
	}
	p.do(
		chromedp.Click(chromedp.CSS(".filter-menu summary")),
		chromedp.SetValue(chromedp.CSS(".filter-pop select[name=priority]"), "3"),
		chromedp.Click(chromedp.CSS(".filter-pop button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".chips .chip")),
	)
	chip := get(p, chromedp.Text(chromedp.CSS(".chips .chip")))
	if !strings.Contains(chip, "Priority: Urgent") {
		t.Errorf("the active filter's chip reads %q, want Priority: Urgent", chip)
	}
	levels := get(p, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#tickets .prio-name")].map(e => e.textContent.trim())`))
	if len(levels) == 0 || !slices.Contains(subjectsOnPage(p), "Checkout is down for everyone") {
		t.Errorf("with Priority: Urgent the list shows %q", subjectsOnPage(p))
	}
	for _, l := range levels {
		if l != "Priority: Urgent" {
			t.Errorf("with Priority: Urgent a row reads %q", l)
		}
	}
	p.screenshot("inbox-chips")
	p.open(get(p, chromedp.Evaluate[string](`document.querySelector(".chips .chip").getAttribute("href")`)))
	if get(p, chromedp.Evaluate[int](`document.querySelectorAll(".chips .chip").length`)) != 0 ||
		strings.Contains(p.path(), "priority=") {
		t.Errorf("the chip's link did not remove the filter: at %s", p.path())
	}
	if len(subjectsOnPage(p)) < 4 {
		t.Errorf("without the filter the view lists %q", subjectsOnPage(p))
	}
	p.do(chromedp.Evaluate[chromedp.Void](`setTimeout(() => { const s = document.querySelector("select[name=sort]"); s.value = "waiting"; s.dispatchEvent(new Event("change")) }, 0)`))
	p.waitPath("sort=waiting")
	if label := get(p, chromedp.Evaluate[string](`document.getElementById("tickets").getAttribute("aria-label")`)); !strings.Contains(label, "Longest waiting") {
		t.Errorf("the list says %q, want it sorted by Longest waiting", label)
	}
}

// waitPath waits until the address holds want.
func (p *page) waitPath(want string) {
	p.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		// A check during the navigation itself fails; the next one reads the new page.
		ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](fmt.Sprintf(
			`location.href.includes(%q) && document.readyState === "complete"`, want)))
		if err == nil && ok {
			return
		}
	}
	p.t.Fatalf("the address never held %q: at %s", want, p.path())
}

// A customer who answers our reply marks the row; the Closed view lists
// the latest closed first.
func TestInboxCustomerRepliedAndClosedOrder(t *testing.T) {
	op := newPage(t)
	number, link := apiTicket(t, "Where is my parcel", "Pia", "pia@example.com")
	answered, _ := apiTicket(t, "Which size fits", "Pia", "pia@example.com")
	op.signIn(adminEmail, adminPassword)
	op.open(fmt.Sprintf("/tickets/%d", answered))
	op.compose("reply", "The medium one.")
	op.open(fmt.Sprintf("/tickets/%d", number))
	op.compose("reply", "It left our warehouse today.")
	customer := newPage(t)
	customer.do(chromedp.Navigate(link),
		chromedp.SendKeys(chromedp.CSS("textarea#body"), "It has not arrived yet."),
		chromedp.Click(chromedp.CSS("form.comment button[type=submit]")))
	customer.waitText("main", "It has not arrived yet.")

	op.open("/inbox?view=unassigned")
	marked := func(n int64) bool {
		return get(op, chromedp.Evaluate[bool](fmt.Sprintf(`[...document.querySelectorAll("#tickets li.ticket")].find(li =>
			li.querySelector(".num").textContent === "#%d")?.querySelector(".replied")?.textContent.includes("Customer replied") || false`, n)))
	}
	if !marked(number) {
		t.Errorf("the row of #%d has no Customer replied marker after the customer's answer", number)
	}
	if marked(answered) {
		t.Errorf("#%d, which waits on the customer, carries the Customer replied marker", answered)
	}

	// Close the two tickets newest first: the Closed view shows the one closed last on top.
	second, _ := apiTicket(t, "Closed second", "Pia", "pia@example.com")
	for _, n := range []int64{second, number} {
		op.open(fmt.Sprintf("/tickets/%d", n))
		op.do(chromedp.SetValue(chromedp.CSS("#status"), optionByText(op, "#status", "Closed")),
			chromedp.Evaluate[chromedp.Void](`document.getElementById("status").dispatchEvent(new Event("change", {bubbles: true}))`))
		op.waitText("#props-saved", "Status saved")
	}
	op.open("/inbox?view=closed")
	subjects := subjectsOnPage(op)
	if len(subjects) < 2 || subjects[0] != "Where is my parcel" || subjects[1] != "Closed second" {
		t.Errorf("the Closed view lists %q, want the ticket closed last first", subjects)
	}
}
