// Package e2e drives the agent app in a real Chromium against a real
// frontdesk binary: what an operator does, screenshots at two widths, and
// axe-core's accessibility rules.
package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's package; FRONTDESK_E2E_CHROMIUM overrides it.
const chromiumPath = "/usr/bin/chromium"

// Set up once by TestMain for every test.
var (
	srv        *server
	seeded     []seedTicket
	browser    context.Context // the running browser; each test opens its own tab
	skipReason string          // why the browser tests skip, outside CI
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	chromium := os.Getenv("FRONTDESK_E2E_CHROMIUM")
	if chromium == "" {
		chromium = chromiumPath
	}
	if _, err := exec.LookPath(chromium); err != nil {
		msg := fmt.Sprintf("no Chromium at %s (apt-get install chromium, or set FRONTDESK_E2E_CHROMIUM)", chromium)
		if os.Getenv("CI") != "" {
			fmt.Fprintln(os.Stderr, "e2e: FAIL: "+msg)
			return 1
		}
		skipReason = msg
		return m.Run()
	}

	dir, err := os.MkdirTemp("", "frontdesk-e2e-")
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(dir)
	bin, err := buildServer(dir)
	if err != nil {
		return fail(err)
	}
	if srv, err = startServer(bin, dir); err != nil {
		return fail(err)
	}
	defer srv.stop()
	if seeded, err = srv.seed(context.Background()); err != nil {
		return fail(err)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox, // Chromium refuses to run as root without it
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1280, 900),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		return fail(fmt.Errorf("start Chromium: %w", err))
	}
	browser = ctx
	return m.Run()
}

func fail(err error) int {
	fmt.Fprintln(os.Stderr, "e2e: "+err.Error())
	if srv != nil {
		fmt.Fprintln(os.Stderr, "frontdesk log:\n"+srv.logText())
	}
	return 1
}
