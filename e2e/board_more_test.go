package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A column shows its first 20 cards and its total; "Show more" adds the
// rest in place, from the keyboard, and the added cards move by their
// menu and by dragging like the first ones. Its own pipeline and team
// keep these 23 tickets away from the other tests,
// and they are closed at its end.
func TestBoardShowMore(t *testing.T) {
	token := adminToken(t)
	var pl struct{ ID int64 }
	api(t, token, http.MethodPost, "/pipelines", map[string]any{"name": "Backlog", "statuses": []map[string]any{
		{"name": "Queued", "kind": "open"}, {"name": "Doing", "kind": "open"}, {"name": "Shipped", "kind": "closed"}}}, &pl)
	api(t, token, http.MethodPost, "/teams", map[string]any{"name": "Backlog", "pipeline_id": pl.ID}, nil)
	ids := make([]int64, 23)
	for i := range ids {
		var tk struct{ ID int64 }
		api(t, token, http.MethodPost, "/tickets", map[string]any{"subject": fmt.Sprintf("Backlog item %02d", i+1),
			"team": "backlog", "description": "Seeded by the Show more test.",
			"contact": map[string]string{"email": "backlog@example.com", "first_name": "Bea"}}, &tk)
		ids[i] = tk.ID
	}
	t.Cleanup(func() { // closed, they leave the other tests' open views as they were
		for _, id := range ids {
			api(t, token, http.MethodPatch, fmt.Sprintf("/tickets/%d", id), map[string]any{"status": "Shipped"}, nil)
		}
	})
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open(fmt.Sprintf("/pipelines/%d/board", pl.ID))
	queued := `.column[data-name="Queued"]`
	p.do(chromedp.WaitVisible(chromedp.CSS(queued + " .kcard")))
	cards := func() int {
		return get(p, chromedp.Evaluate[int](`document.querySelectorAll('`+queued+` .kcard').length`))
	}
	if n := cards(); n != 20 {
		t.Fatalf("Queued shows %d cards, want the first 20", n)
	}
	if count := get(p, chromedp.Text(chromedp.CSS(queued+" .count"))); !strings.HasPrefix(count, "23") {
		t.Errorf("Queued's count reads %q, want the total, 23", count)
	}
	// The column scrolls within the page at 1280 px: show its end, where the link is.
	p.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('` + queued + ` .cards').scrollTop = 1e6`))
	p.screenshot("board-show-more")
	p.checkAxe("the board with Show more")

	// The keyboard: Enter on the link; the focus lands on the first added card.
	p.do(chromedp.Focus(chromedp.CSS(queued+" .column-more a")), chromedp.KeyEvent("\r"))
	p.do(chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("#ticket-%d", ids[0]))))
	if n := cards(); n != 23 {
		t.Errorf("after Show more Queued shows %d cards, want 23", n)
	}
	if n := get(p, chromedp.Evaluate[int](`document.querySelectorAll('`+queued+` .column-more').length`)); n != 0 {
		t.Errorf("all 23 cards are shown, yet %d Show more links remain", n)
	}
	focused := get(p, chromedp.Evaluate[string](`document.activeElement.closest(".kcard")?.id || document.activeElement.tagName`))
	if focused != fmt.Sprintf("ticket-%d", ids[2]) {
		t.Errorf("after Show more the focus is on %s, want the first added card, ticket-%d", focused, ids[2])
	}
	p.screenshot("board-show-more-added")

	// An added card's Move menu (m, then Enter on the first other status).
	p.do(chromedp.Focus(chromedp.CSS(fmt.Sprintf("#ticket-%d a.subject", ids[1]))), chromedp.KeyEvent("m"))
	if got := get(p, chromedp.Evaluate[string](`document.activeElement.textContent`)); got != "Doing" {
		t.Fatalf("m on an added card focuses %q, want Doing", got)
	}
	p.do(chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.CSS("p.flash")))
	if flash := get(p, chromedp.Text(chromedp.CSS("p.flash"))); !strings.Contains(flash, "Backlog item 02 is now in Doing") {
		t.Errorf("after moving an added card the page says %q", flash)
	}
	// Dragging an added card: Show more again, then drop the oldest on Doing.
	p.do(chromedp.Click(chromedp.CSS(queued+" .column-more a")), chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("#ticket-%d", ids[0]))))
	dragTo(p, ids[0], "Doing")
	p.do(chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.column[data-name="Doing"] #ticket-%d`, ids[0]))))
	p.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(queued+" .kcard")))
	for _, id := range ids[:2] {
		if col := columnOf(p, id); col != "Doing" {
			t.Errorf("after a reload ticket %d is in %q, want Doing", id, col)
		}
	}
	if count := get(p, chromedp.Text(chromedp.CSS(queued+" .count"))); !strings.HasPrefix(count, "21") {
		t.Errorf("Queued's count reads %q after two moves out, want 21", count)
	}

	// Without script the link opens the board at the column's next cards.
	next := get(p, chromedp.Evaluate[string](`document.querySelector('`+queued+` .column-more a').getAttribute("href")`))
	p.open(next)
	p.do(chromedp.WaitVisible(chromedp.CSS(queued + " .kcard")))
	if n := cards(); n != 1 {
		t.Errorf("the next page of Queued shows %d cards, want the 21st alone", n)
	}
	if back := get(p, chromedp.Text(chromedp.CSS(queued+" .column-more a"))); back != "Back to the first cards" {
		t.Errorf("the next page's column offers %q, want a way back to the first cards", back)
	}
	p.do(chromedp.EmulateViewport(390, 844))
	if w := get(p, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > 390 {
		t.Errorf("the board's next page is %dpx wide at 390px", w)
	}
	p.checkAxe("a column's next page at 390px")
}
