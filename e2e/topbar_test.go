package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// barLayout checks the top bar at the current width: no two of its
// controls overlap, none leaves the screen, and the keyboard visits them
// in the order they are seen (left to right, row by row).
const barLayout = `(() => {
	const bar = document.querySelector("header.bar");
	const items = [...bar.children].filter(e => e.checkVisibility() && e.getBoundingClientRect().width > 0);
	const boxes = items.map(e => [e, e.getBoundingClientRect()]);
	const problems = [];
	for (let i = 0; i < boxes.length; i++) {
		const [a, r] = boxes[i];
		if (r.left < 0 || r.right > innerWidth) problems.push(a.className + " leaves the screen");
		for (let j = i + 1; j < boxes.length; j++) {
			const [b, q] = boxes[j];
			if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1)
				problems.push(a.className + " overlaps " + b.className);
		}
	}
	const focusable = [...bar.querySelectorAll("a[href], input, button, summary")].filter(e => e.checkVisibility());
	const pos = focusable.map(e => e.getBoundingClientRect());
	for (let i = 1; i < pos.length; i++) {
		const sameRow = Math.abs(pos[i].top - pos[i - 1].top) < 12;
		if (sameRow && pos[i].left < pos[i - 1].left) problems.push("the keyboard goes back left at " + focusable[i].textContent.trim());
	}
	return problems.join("; ");
})()`

// TestTopBar: the top bar at 1280 px holds everything on one row with a
// usable search box; at both widths nothing overlaps, and the availability
// and profile menus open one at a time, close on Escape and show a focus
// ring.
func TestTopBar(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/inbox")
	for _, v := range viewports {
		p.do(chromedp.EmulateViewport(v.width, v.height))
		if problems := get(p, chromedp.Evaluate[string](barLayout)); problems != "" {
			t.Errorf("at %s px: %s", v.name, problems)
		}
	}
	p.do(chromedp.EmulateViewport(1280, 900))
	if !get(p, chromedp.Evaluate[bool](`(() => {
		const tops = [...document.querySelector("header.bar").children].filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect());
		return tops.every(r => Math.abs((r.top + r.bottom) / 2 - (tops[0].top + tops[0].bottom) / 2) < 4);
	})()`)) {
		t.Error("at 1280 px the top bar takes more than one row, or its items are not centred on one line")
	}
	if w := get(p, chromedp.Evaluate[int](`Math.round(document.getElementById("top-q").getBoundingClientRect().width)`)); w < 200 {
		t.Errorf("at 1280 px the search box is %d px wide; its placeholder does not fit", w)
	}

	p.do(chromedp.Click(chromedp.CSS("#availability summary")))
	p.screenshot("topbar-availability")
	p.do(chromedp.Click(chromedp.CSS("details.profile:not(.availability) summary")))
	if get(p, chromedp.Evaluate[bool](`document.getElementById("availability").open`)) {
		t.Error("opening the profile menu leaves the availability menu open beneath it")
	}
	p.screenshot("topbar-profile")
	p.do(chromedp.KeyEvent("\x1b"))
	if !get(p, chromedp.Evaluate[bool](`(() => { const s = document.activeElement, m = s.closest("details");
		return m && !m.open && !m.classList.contains("availability") && getComputedStyle(s).outlineStyle !== "none"; })()`)) {
		t.Error("Escape does not close the profile menu and leave the focus, with its ring, on its button")
	}
	p.checkAxe("the top bar")
}
