package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// setChatRules replaces the garden channel's rules, and puts back none
// when the test ends (the other chat tests expect the default).
func setChatRules(t *testing.T, rules []map[string]any) {
	t.Helper()
	path := fmt.Sprintf("/chat-channels/%d/rules", chatEnv.channelID)
	if code := chatAPI(t, "PUT", path, map[string]any{"items": rules}, nil); code != http.StatusOK {
		t.Fatalf("set rules: %d", code)
	}
	t.Cleanup(func() { chatAPI(t, "PUT", path, map[string]any{"items": []any{}}, nil) })
}

// ruleAnswered waits until the widget heard the channel's rules for this
// page: the Chat tab is in its navigation then, shown or not.
func (p *page) ruleAnswered() {
	p.t.Helper()
	for i := 0; i < 100; i++ {
		if get(p, chromedp.Evaluate[bool](`(() => { const h = document.querySelector("#frontdesk-widget");
			return !!h && [...h.shadowRoot.querySelectorAll("nav button")].some(b => b.textContent === "Chat"); })()`)) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	p.t.Fatal("the widget never heard the channel's rules")
}

func launcherShown(p *page) bool {
	return inWidget[bool](p, `(l => !!l && l.checkVisibility())(w.querySelector(".launcher"))`)
}

// The rules decide per page: a hide rule draws no button (and a path
// change of a single-page site brings it back), an auto_open rule opens
// the chat after its delay, and a rule naming a country applies to a
// visitor from there (country by the test database, address from the
// trusted proxy's X-Forwarded-For).
func TestChatRulesInTheBrowser(t *testing.T) {
	chatTeam(t)
	setChatRules(t, []map[string]any{
		{"action": "hide", "url": "^/rules-checkout"},
		{"action": "auto_open", "delay_s": 2, "url": "^/rules-pricing"},
		{"action": "show", "url": "^/rules-country"},
		{"action": "auto_open", "delay_s": 0, "url": "^/rules-country", "countries": []string{"DE", "AT"}},
	})

	hidden := newPage(t)
	hidden.do(chromedp.Navigate(chatHostPage(t, "/rules-checkout")))
	hidden.ruleAnswered()
	if launcherShown(hidden) {
		t.Error("the hide rule's page shows the chat button")
	}
	hidden.do(chromedp.Evaluate[chromedp.Void](`history.pushState({}, "", "/rules-about")`))
	hidden.waitWidgetText(".bubble", "Questions about plants?")
	if !launcherShown(hidden) {
		t.Error("after the single-page site moved to a page no rule hides, the button is still hidden")
	}

	pricing := newPage(t)
	pricing.do(chromedp.Navigate(chatHostPage(t, "/rules-pricing") + "?plan=pro"))
	pricing.ruleAnswered()
	if !inWidget[bool](pricing, `w.querySelector(".panel").hidden`) {
		t.Error("the chat opened before its delay")
	}
	pricing.do(chromedp.WaitVisible(in("#fdc-text")))
	pricing.waitLog(chatWelcome)
	pricing.screenshot("chat-rule-auto-open")

	plain := newPage(t)
	plain.do(chromedp.Navigate(chatHostPage(t, "/rules-country")))
	plain.ruleAnswered()
	if !launcherShown(plain) || !inWidget[bool](plain, `w.querySelector(".bubble").hidden && w.querySelector(".panel").hidden`) {
		t.Error("a visitor from no named country should get the show rule: the button alone")
	}

	// A reverse proxy in front of the desk, as a real one would, tells
	// the visitor's address in X-Forwarded-For; the desk trusts loopback.
	target, _ := url.Parse(srv.url)
	proxy := httptest.NewServer(&httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(target)
		r.Out.Header.Set("X-Forwarded-For", germanAddr)
	}})
	t.Cleanup(proxy.Close)
	german := newPage(t)
	german.do(chromedp.Navigate(chatHostPageFrom(t, "/rules-country-de", proxy.URL)))
	german.do(chromedp.WaitVisible(in("#fdc-text")))
}
