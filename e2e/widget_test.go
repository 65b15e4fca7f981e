package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// widgetPayload would set a flag if any page ever ran it.
const widgetPayload = `<img src=x onerror="window.__pwned=1">`

// An anonymous visitor on another site opens a ticket through the widget,
// with markup in every field; it reaches the inbox as text; the operator
// answers; the visitor finds the answer in the widget and replies; the
// operator sees the reply. No payload runs on either side.
func TestWidgetAnonymousVisitor(t *testing.T) {
	allowHost(t)
	visitor := newPage(t)
	visitor.do(chromedp.Navigate(hostPage(t, "/anon", "", "")), chromedp.WaitVisible(in(".launcher")))
	visitor.do(chromedp.Click(in(".launcher")), chromedp.WaitVisible(in("#fd-f-email")))
	if focus := inWidget[string](visitor, `w.activeElement ? w.activeElement.id : ""`); !strings.HasPrefix(focus, "fd-f-") {
		t.Errorf("opening the panel left the focus on %q, not its first field", focus)
	}
	subject := "Broken rake " + widgetPayload
	visitor.do(
		chromedp.SendKeys(in("#fd-f-first_name"), "Rita "+widgetPayload),
		chromedp.SendKeys(in("#fd-f-email"), "rita@example.com"),
		chromedp.SendKeys(in("#fd-f-subject"), subject),
		chromedp.SendKeys(in("#fd-f-description"), "The handle snapped. "+widgetPayload),
		chromedp.Click(in("button.primary")),
	)
	visitor.waitWidgetText(".ok", "is open")
	visitor.waitWidgetText("h3", subject)
	kept := get(visitor, chromedp.Evaluate[string](`JSON.parse(localStorage.getItem("frontdesk:support:tickets"))[0].subject`))
	if kept != subject {
		t.Errorf("the browser kept %q for the ticket", kept)
	}
	inert(t, visitor, "the host page")

	op := newPage(t)
	op.signIn(adminEmail, adminPassword)
	op.open("/inbox?view=unassigned&channel=widget")
	op.waitText("main", subject)
	href := get(op, chromedp.Evaluate[string](`[...document.querySelectorAll("main a")].find(a => a.textContent.includes("Broken rake")).getAttribute("href")`))
	id, err := strconv.ParseInt(strings.TrimPrefix(href, "/tickets/"), 10, 64)
	if err != nil {
		t.Fatalf("ticket link %q", href)
	}
	op.open(href)
	op.waitText("#thread", "The handle snapped. "+widgetPayload)
	inert(t, op, "the agent's ticket page")
	apiReply(t, id, "A new handle is on its way.")

	visitor.do(chromedp.Click(in("button.link")), chromedp.WaitVisible(in("button.item")), chromedp.Click(in("button.item")))
	visitor.waitWidgetText(".thread", "A new handle is on its way.")
	receipt := filepath.Join(t.TempDir(), "rake receipt.txt")
	if err := os.WriteFile(receipt, []byte("Rake, 1 x, paid"), 0o600); err != nil {
		t.Fatal(err)
	}
	visitor.do(chromedp.SendKeys(in("#fd-answer"), "Thank you, it arrived."),
		chromedp.SetUploadFiles(in("#fd-answer-files"), []string{receipt}), chromedp.Click(in("form.answer button")))
	visitor.waitWidgetText(".ok", "Your answer was sent.")
	visitor.waitWidgetText(".thread", "Thank you, it arrived.")
	visitor.waitWidgetText(".thread .files a", "rake receipt.txt")
	if got := inWidget[string](visitor, `w.querySelector(".thread .files a").getAttribute("href")`); !strings.Contains(got, "/t/") {
		t.Errorf("the file's link in the widget: %q", got)
	}
	inert(t, visitor, "the host page")
	widgetShots(t, visitor, "widget-thread")

	visitor.do(chromedp.Focus(in("#fd-answer")), chromedp.KeyEvent(kb.Escape))
	if open := inWidget[bool](visitor, `!w.querySelector(".panel").hidden || w.activeElement !== w.querySelector(".launcher")`); open {
		t.Error("Escape should close the panel and give the focus back to the launcher")
	}
	op.open(href)
	op.waitText("#thread", "Thank you, it arrived.")
	op.waitText("#thread", "rake receipt.txt")
}

// A visitor the host site signed sees their tickets from any browser; a
// forged signature is refused with words the visitor understands.
func TestWidgetIdentifiedVisitor(t *testing.T) {
	secret := allowHost(t)
	who := map[string]string{"external_id": "acme-user-77", "email": "sam@example.com", "name": "Sam",
		"signature": sign(secret, "acme-user-77")}
	first := newPage(t)
	first.do(chromedp.Navigate(hostPage(t, "/signed", "", identifyFirst(who))), chromedp.WaitVisible(in(".launcher")))
	first.do(chromedp.Click(in(".launcher")), chromedp.WaitVisible(in("nav")), chromedp.Click(in("nav button")),
		chromedp.WaitVisible(in("#fd-f-subject")))
	if got := inWidget[string](first, `w.querySelector("#fd-f-email").value`); got != "sam@example.com" {
		t.Errorf("the identified visitor's email is not filled in: %q", got)
	}
	first.do(
		chromedp.SendKeys(in("#fd-f-subject"), "Wheelbarrow tyre"),
		chromedp.SendKeys(in("#fd-f-description"), "Flat after a week."),
		chromedp.Click(in("button.primary")),
	)
	first.waitWidgetText(".ok", "is open")

	// Another browser, nothing kept locally: the list comes from the server.
	second := newPage(t)
	second.do(chromedp.Navigate(hostPage(t, "/signed", "", identifyFirst(who))), chromedp.WaitVisible(in(".launcher")))
	second.do(chromedp.Click(in(".launcher")))
	second.waitWidgetText("ul", "Wheelbarrow tyre")
	second.do(chromedp.Click(in("button.item")))
	second.waitWidgetText(".thread", "Flat after a week.")

	// Named after the script loaded, with someone else's id under Sam's signature.
	forged := newPage(t)
	forged.do(chromedp.Navigate(hostPage(t, "/forged", "", "")), chromedp.WaitVisible(in(".launcher")))
	forged.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`Frontdesk.identify({external_id: "acme-user-1", email: "boss@example.com", signature: %q})`, who["signature"])))
	forged.do(chromedp.Click(in(".launcher")))
	forged.waitWidgetText(".error", "We could not verify who you are")
	if strings.Contains(inWidget[string](forged, `w.querySelector(".panel").textContent`), "Wheelbarrow") {
		t.Error("a forged identity was shown another visitor's ticket")
	}
	widgetShots(t, forged, "widget-forged")
}

// The host page's CSS cannot reach inside the widget, not even with
// !important on every element.
func TestWidgetHostCSSStaysOut(t *testing.T) {
	allowHost(t)
	p := newPage(t)
	p.do(chromedp.Navigate(hostPage(t, "/hostile", `* { color: red !important; display: none } html, body { display: block }`, "")),
		chromedp.WaitVisible(in(".launcher")))
	got := inWidget[string](p, `(() => { const b = w.querySelector(".launcher"), s = getComputedStyle(b), r = b.getBoundingClientRect();
		return [s.color, s.display, s.fontSize, r.width > 40 && r.height > 20].join("|") })()`)
	if got != "rgb(255, 255, 255)|flex|15px|true" {
		t.Errorf("the launcher under hostile host CSS: %s, want white, flex, 15px and a visible size", got)
	}
	p.do(chromedp.Click(in(".launcher")), chromedp.WaitVisible(in("#fd-f-subject")))
	if c := inWidget[string](p, `getComputedStyle(w.querySelector("label")).color`); c == "rgb(255, 0, 0)" {
		t.Error("the host's red reached the widget's labels")
	}
	widgetShots(t, p, "widget-hostile-css")
}

// widgetShots photographs the host page with the panel open at both
// widths, checking at each that the panel fits the screen.
func widgetShots(t *testing.T, p *page, name string) {
	t.Helper()
	p.do(chromedp.Evaluate[chromedp.Void](`Frontdesk.open()`))
	for _, v := range viewports {
		p.do(chromedp.EmulateViewport(v.width, v.height), chromedp.Sleep(2e8))
		r := inWidget[[]float64](p, `(() => { const r = w.querySelector(".panel").getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom] })()`)
		if r[0] < 0 || r[1] > float64(v.width) || r[2] < 0 || r[3] > float64(v.height) {
			t.Errorf("at %dpx the open panel spans %v: it leaves the screen", v.width, r)
		}
	}
	p.screenshot(name)
}
