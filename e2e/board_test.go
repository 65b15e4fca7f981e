package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// seededBySubject is the seeded ticket with that subject.
func seededBySubject(t *testing.T, subject string) seedTicket {
	t.Helper()
	for _, s := range seeded {
		if s.Subject == subject {
			return s
		}
	}
	t.Fatalf("no seeded ticket %q", subject)
	return seedTicket{}
}

// columnOf is the name of the board column holding ticket id's card.
func columnOf(p *page, id int64) string {
	p.t.Helper()
	return get(p, chromedp.Evaluate[string](fmt.Sprintf(
		`(document.getElementById("ticket-%d")?.closest(".column")?.dataset.name) || ""`, id)))
}

// The board's cards move by dragging and by their keyboard form. Both
// moves stay within open statuses, so the inbox tests still see every
// seeded ticket in "My open".
func TestBoardMoves(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.do(
		chromedp.Click(chromedp.CSS(`header.bar nav a[href="/board"]`)),
		chromedp.WaitVisible(chromedp.CSS("#board .kcard")),
	)
	if !strings.HasSuffix(p.path(), "/board") || !strings.HasPrefix(p.path(), "/pipelines/") {
		t.Fatalf("the Board link leads to %s", p.path())
	}
	heads := get(p, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".column h2")].map(h => h.textContent)`))
	if got := strings.Join(heads, ","); got != "New,In Progress,Waiting,Closed" {
		t.Errorf("columns %s, want the pipeline's order", got)
	}
	p.screenshot("board")
	p.checkAxe("the board")

	// The keyboard way: m on a card opens its Move menu, Enter picks.
	kb := seededBySubject(t, "Question about opening hours")
	if col := columnOf(p, kb.ID); col != "New" {
		t.Fatalf("%q starts in %q, want New", kb.Subject, col)
	}
	if n := get(p, chromedp.Evaluate[int](`document.querySelectorAll(".kcard select").length`)); n != 0 {
		t.Errorf("%d cards carry a status select; the move is a menu", n)
	}
	p.do(chromedp.Focus(chromedp.CSS(fmt.Sprintf("#ticket-%d a.subject", kb.ID))), chromedp.KeyEvent("m"))
	focused := get(p, chromedp.Evaluate[string](`document.activeElement.closest("details.move-menu[open]") ? document.activeElement.textContent : ""`))
	if focused != "In Progress" {
		t.Fatalf("m on a card focuses %q, want the first other status of its open Move menu", focused)
	}
	p.screenshot("board-move-menu")
	p.do(chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.CSS("p.flash")))
	if flash := get(p, chromedp.Text(chromedp.CSS("p.flash"))); !strings.Contains(flash, "is now in In Progress") {
		t.Errorf("after the move the page says %q", flash)
	}
	if col := columnOf(p, kb.ID); col != "In Progress" {
		t.Errorf("after the keyboard move the card is in %q, want In Progress", col)
	}

	// Drag and drop through the page's own handlers: headless Chromium
	// does not start a native drag from synthetic mouse input, so the
	// drag events are dispatched as the browser would send them.
	dr := seededBySubject(t, "Invoice copy for March")
	p.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const card = document.getElementById("ticket-%d");
		const target = document.querySelector('.column[data-name="Waiting"] .column-head');
		const dt = new DataTransfer();
		const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}));
		fire(card, "dragstart"); fire(target, "dragenter"); fire(target, "dragover"); fire(target, "drop"); fire(card, "dragend");
	})()`, dr.ID)))
	p.do(chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.column[data-name="Waiting"] #ticket-%d`, dr.ID))))
	if status := get(p, chromedp.Text(chromedp.CSS("#board-status"))); !strings.Contains(status, "moved to Waiting") {
		t.Errorf("the live region says %q", status)
	}
	// The move was saved: it holds after a reload.
	p.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#board .kcard")))
	if col := columnOf(p, dr.ID); col != "Waiting" {
		t.Errorf("after the drop and a reload the card is in %q, want Waiting", col)
	}
	if col := columnOf(p, kb.ID); col != "In Progress" {
		t.Errorf("after a reload the keyboard-moved card is in %q, want In Progress", col)
	}
	p.screenshot("board-moved")
}
