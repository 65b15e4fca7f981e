package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestWidgetDisallowedOriginDrawsNothing: the same host page on an origin
// the team does not allow shows no launcher at all (the widget asked the
// server first and says why in the console), while on the allowed origin
// the launcher shows.
func TestWidgetDisallowedOriginDrawsNothing(t *testing.T) {
	allowHost(t)
	allowed := hostPage(t, "/origin-check", "", "")
	other := strings.Replace(allowed, "//localhost:", "//127.0.0.1:", 1)

	visitor := newPage(t)
	messages := chromedp.Console(visitor.ctx)
	visitor.do(chromedp.Navigate(other))
	for m, err := range messages {
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(m.Text, "Frontdesk widget") {
			if !strings.Contains(m.Text, "not shown") {
				t.Errorf("the widget said %q", m.Text)
			}
			break
		}
	}
	if n := get(visitor, chromedp.Evaluate[int](`document.querySelectorAll("#frontdesk-widget").length`)); n != 0 {
		t.Errorf("a widget was drawn on a site that may not show it")
	}
	visitor.screenshot("widget-disallowed-origin")

	visitor.do(chromedp.Navigate(allowed), chromedp.WaitVisible(in(".launcher")))
}
