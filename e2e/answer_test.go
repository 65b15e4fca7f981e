package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestSendAndClose answers and closes a ticket with one click: the button
// says so, the ticket is closed, and the outbox holds one mail for it.
func TestSendAndClose(t *testing.T) {
	p := newPage(t)
	n, _ := apiTicket(t, "The scanner jams", "Omar", "omar@example.com")
	p.signIn(adminEmail, adminPassword)
	page := fmt.Sprintf("/tickets/%d", n)
	p.open(page)
	p.do(
		chromedp.SendKeys(chromedp.CSS("#composer textarea#body"), "A new roller is in the post; closing this."),
		chromedp.SetValue(chromedp.CSS("#then"), optionByText(p, "#then", "Close")),
	)
	p.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("then").dispatchEvent(new Event("change", {bubbles: true}))`))
	if label := get(p, chromedp.Text(chromedp.CSS("#send"))); label != "Send and close" {
		t.Errorf("the send button says %q, want Send and close", label)
	}
	p.screenshot("send-and-close")
	p.do(chromedp.Click(chromedp.CSS("#send")))
	p.waitText("#thread", "A new roller is in the post")
	p.waitText(".ticket-head .facts", "Closed")
	p.open("/settings/outbox")
	mails := get(p, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll('a[href="/tickets/%d"]').length`, n)))
	if mails != 1 {
		t.Errorf("the outbox holds %d mails for the ticket, want 1 (the reply, no separate closing notice)", mails)
	}
}

// TestSidebarAppliesAtOnce changes the assignee and the priority on the
// ticket page without any Save: each is confirmed, and a reload shows
// them kept. A draft typed in the composer survives the reload too. (The
// ticket goes to an agent of its own, out of the admin's inbox that other
// tests read.)
func TestSidebarAppliesAtOnce(t *testing.T) {
	p := newPage(t)
	addAgentNamed(t, "sid@e2e.test", "Sid Sidebar")
	n, _ := apiTicket(t, "The lamp flickers", "Lea", "lea@example.com")
	p.signIn(adminEmail, adminPassword)
	page := fmt.Sprintf("/tickets/%d", n)
	p.open(page)
	if get(p, chromedp.Evaluate[bool](`!document.querySelector("#props button[type=submit]").hidden`)) {
		t.Error("a Save button shows although changes apply at once")
	}
	p.do(chromedp.SetValue(chromedp.CSS("#assignee"), optionByText(p, "#assignee", "Sid Sidebar")))
	p.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("assignee").dispatchEvent(new Event("change", {bubbles: true}))`))
	p.waitText("#props-saved", "Assignee saved: Sid Sidebar")
	p.waitText(".ticket-head .facts", "Sid Sidebar")
	p.do(chromedp.Click(chromedp.CSS(`label[for="priority-3"]`)))
	p.waitText("#props-saved", "Priority saved")
	p.do(chromedp.SendKeys(chromedp.CSS("#composer textarea#body"), "Half-written answer"))
	p.screenshot("sidebar-saved")
	asked := acceptDialogs(p)
	p.do(chromedp.Reload())
	p.do(chromedp.WaitVisible(chromedp.CSS("#thread")))
	select {
	case kind := <-asked:
		if kind != cdppage.DialogTypeBeforeunload {
			t.Errorf("leaving with a draft asked with a %s dialog", kind)
		}
	default:
		t.Error("leaving the page with an unsent draft did not ask first")
	}
	if who := get(p, chromedp.Evaluate[string](`document.querySelector("#assignee").selectedOptions[0].text`)); who != "Sid Sidebar" {
		t.Errorf("after a reload the assignee is %q", who)
	}
	if !get(p, chromedp.Evaluate[bool](`document.getElementById("priority-3").checked`)) {
		t.Error("after a reload the priority is not urgent")
	}
	if draft := get(p, chromedp.Evaluate[string](`document.querySelector("#composer textarea").value`)); draft != "Half-written answer" {
		t.Errorf("after a reload the composer holds %q, want the draft", draft)
	}
}

// acceptDialogs accepts every dialog the page opens from now on and
// reports the kind of each.
func acceptDialogs(p *page) <-chan cdppage.DialogType {
	asked := make(chan cdppage.DialogType, 8)
	opening := chromedp.Events(p.ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for e, err := range opening {
			if err != nil {
				return
			}
			select {
			case asked <- e.Type:
			default:
			}
			go chromedp.Do(p.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true})
				return err
			}))
		}
	}()
	return asked
}

// optionByText is the value of the select's option whose text is label.
func optionByText(p *page, sel, label string) string {
	p.t.Helper()
	return get(p, chromedp.Evaluate[string](fmt.Sprintf(
		`[...document.querySelector(%q).options].find(o => o.text.trim() === %q).value`, sel, label)))
}
