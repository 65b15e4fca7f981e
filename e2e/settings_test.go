package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSettingsPipelineRule: an admin follows the top bar to the settings,
// makes a pipeline with no closed status and is told the rule; axe checks
// each settings page.
func TestSettingsPipelineRule(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.do(
		chromedp.Click(chromedp.CSS(`header.bar a[href="/settings/teams"]`)),
		chromedp.WaitVisible(chromedp.CSS(`nav.settings-nav`)),
	)
	p.checkAxe("the teams settings")
	for _, path := range []string{"/settings/teams/new", "/settings/operators", "/settings/pipelines", "/settings/tokens"} {
		p.open(path)
		p.do(chromedp.WaitVisible(chromedp.CSS(`nav.settings-nav`)))
		p.checkAxe(path)
	}
	p.open("/settings/pipelines/new")
	p.do(
		chromedp.SendKeys(chromedp.CSS("#name"), "All open"),
		chromedp.SetValue(chromedp.CSS("#skind_3"), "open"),
		chromedp.Click(chromedp.CSS(`button.primary[value=save]`)),
		chromedp.WaitVisible(chromedp.CSS("#statuses-error")),
	)
	msg := get(p, chromedp.Text(chromedp.CSS("#statuses-error")))
	if !strings.Contains(msg, "A pipeline needs at least one open and one closed status") {
		t.Errorf("rule message: %q", msg)
	}
	p.checkAxe("a pipeline refused by a rule")
	p.screenshot("settings-pipeline-rule")
}
