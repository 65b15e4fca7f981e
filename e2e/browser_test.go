package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The widths every page is photographed at: a laptop and a phone.
var viewports = []struct {
	name          string
	width, height int64
}{
	{"1280", 1280, 900},
	{"390", 390, 844},
}

// page is one test's browser tab, with its own cookies.
type page struct {
	t     *testing.T
	ctx   context.Context
	shots string
}

// newPage opens a tab in a fresh browser context (no cookies shared with
// other tests), at the desktop size.
func newPage(t *testing.T) *page {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
	tab, cancelTab := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancelTab)
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	t.Cleanup(cancel)
	p := &page{t: t, ctx: ctx, shots: os.Getenv("FRONTDESK_E2E_SHOTS")}
	if p.shots == "" {
		p.shots = t.TempDir()
	}
	p.do(chromedp.EmulateViewport(viewports[0].width, viewports[0].height))
	return p
}

// do runs actions and fails the test on the first error.
func (p *page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatal(err)
	}
}

// get runs one action that returns a value.
func get[T any](p *page, a chromedp.Action[T]) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, a)
	if err != nil {
		p.t.Fatal(err)
	}
	return v
}

func (p *page) open(path string) {
	p.t.Helper()
	err := chromedp.Do(p.ctx, chromedp.Navigate(srv.url+path))
	if err != nil && strings.Contains(err.Error(), "ERR_ABORTED") {
		// A live page that navigates itself on an event (a chat that
		// ended reloads its view) can abort a navigation begun at that
		// moment; a person would click again.
		err = chromedp.Do(p.ctx, chromedp.Navigate(srv.url+path))
	}
	if err != nil {
		p.t.Fatal(err)
	}
}

// path is the current URL's path and query.
func (p *page) path() string {
	p.t.Helper()
	return strings.TrimPrefix(get(p, chromedp.Location()), srv.url)
}

// signIn fills the real login form and waits for the signed-in layout.
func (p *page) signIn(email, password string) {
	p.t.Helper()
	p.open("/login")
	p.do(
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS("form[action='/login'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("header.bar")),
	)
}

// screenshot saves the page at every width as NAME-WIDTH.png, then goes
// back to the desktop size.
func (p *page) screenshot(name string) {
	p.t.Helper()
	for _, v := range viewports {
		p.do(chromedp.EmulateViewport(v.width, v.height))
		png := get(p, chromedp.FullScreenshot(100))
		file := filepath.Join(p.shots, fmt.Sprintf("%s-%s.png", name, v.name))
		if err := os.WriteFile(file, png, 0o644); err != nil {
			p.t.Fatal(err)
		}
		p.t.Logf("screenshot %s", file)
	}
	p.do(chromedp.EmulateViewport(viewports[0].width, viewports[0].height))
}
