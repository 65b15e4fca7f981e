package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource is the vendored axe-core (testdata/axe/README.md), injected by
// the test: the product never serves it.
var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile("testdata/axe/axe.min.js")
	return string(b), err
})

// violation is one failed axe rule, with the elements that fail it.
type violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	URL    string `json:"helpUrl"`
	Nodes  []struct {
		Target  json.RawMessage `json:"target"`
		HTML    string          `json:"html"`
		Summary string          `json:"failureSummary"`
	} `json:"nodes"`
}

func (v violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s <%s>", v.ID, v.Impact, v.Help, v.URL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    %s %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n      "))
	}
	return b.String()
}

// checkAxe runs axe-core on the current page at both widths and fails on
// serious or critical violations; lesser ones are logged.
func (p *page) checkAxe(name string) {
	p.t.Helper()
	src, err := axeSource()
	if err != nil {
		p.t.Fatal(err)
	}
	p.do(chromedp.Evaluate[chromedp.Void](src))
	for _, vp := range viewports {
		p.do(chromedp.EmulateViewport(vp.width, vp.height))
		found := get(p, chromedp.Evaluate[[]violation](
			`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`, chromedp.EvalAwaitPromise))
		for _, v := range found {
			if v.Impact == "serious" || v.Impact == "critical" {
				p.t.Errorf("axe on %s at %spx: %s", name, vp.name, v)
			} else {
				p.t.Logf("axe on %s at %spx (not failing): %s", name, vp.name, v)
			}
		}
	}
	p.do(chromedp.EmulateViewport(viewports[0].width, viewports[0].height))
}

func TestAccessibility(t *testing.T) {
	p := newPage(t)
	p.open("/login")
	p.checkAxe("the login page")

	p.do(
		chromedp.SendKeys(chromedp.CSS("#email"), adminEmail),
		chromedp.SendKeys(chromedp.CSS("#password"), "wrong"),
		chromedp.Click(chromedp.CSS("form[action='/login'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#form-error")),
	)
	p.checkAxe("the login page with an error")

	p.signIn(adminEmail, adminPassword)
	p.checkAxe("the inbox")

	// The direct chat link's page, and the chat window on a host site.
	chatTeam(t)
	p.open("/chat/" + chatSlug)
	p.do(chromedp.WaitVisible(chromedp.JSPath(`document.querySelector("#fd-chat").shadowRoot.querySelector("#fdc-text")`)))
	p.checkAxe("the direct chat page")
	p.do(chromedp.Navigate(chatHostPage(t, "/chat-axe")))
	p.openChat()
	p.checkAxe("the chat window in the widget")
	p.open("/inbox?view=open&priority=3&sort=waiting")
	p.do(chromedp.Click(chromedp.CSS(".filter-menu summary")), chromedp.WaitVisible(chromedp.CSS(".filter-pop")))
	p.checkAxe("the inbox with a chip and the Filters menu open")
	p.screenshot("inbox-filters-open")
	p.open("/no/such/page")
	p.checkAxe("the not-found page, signed in")
	p.open("/reports?period=30d")
	p.checkAxe("the reports page")
	p.open("/reports?from=2026-03-02&to=2026-03-01")
	p.checkAxe("the reports page refusing a period")
	p.open(fmt.Sprintf("/settings/chat/%d", chatEnv.channelID))
	p.checkAxe("a chat channel's settings with its rules")
	p.open("/settings/chatbots")
	p.checkAxe("the chatbots list")
	p.open("/settings/chatbots/new")
	p.checkAxe("a new chatbot's editor")
}

// TestAccessibilityAutomations checks the automation settings pages, on a
// page of their own (one page's budget is a minute).
func TestAccessibilityAutomations(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/settings/automations")
	p.checkAxe("the automations list")
	p.open("/settings/automations/new")
	p.checkAxe("the new rule page")
	p.open("/settings/pipelines/1")
	p.checkAxe("a pipeline's page with its automation")
}

// TestAccessibilityReports runs axe on the chat reports and the session
// list, on a page of their own (a page has a minute for all its checks).
func TestAccessibilityReports(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/reports/chats?period=30d")
	p.checkAxe("the chat reports")
	p.open("/chats/history?period=30d")
	p.checkAxe("the chat sessions list")
	p.open("/inbox?view=open&offline=2026-03-01..2026-03-31")
	p.checkAxe("the tickets of a period's offline messages")
}

// TestAccessibilityWebhooksAndAccount checks the webhooks list and My
// account (with its notification mail choice) on a page of their own, so
// the test above keeps within its time.
func TestAccessibilityWebhooksAndAccount(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/settings/webhooks")
	p.checkAxe("the webhooks list")
	p.open("/settings/account")
	p.checkAxe("my account, with notification mail")
}
