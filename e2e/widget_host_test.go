package e2e

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// hostSite is a customer's website on another origin than Frontdesk:
// Frontdesk runs on 127.0.0.1, the host site is reached as localhost.
type hostSite struct {
	origin string
	mu     sync.Mutex
	pages  map[string]string
}

var host = sync.OnceValues(func() (*hostSite, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	h := &hostSite{origin: fmt.Sprintf("http://localhost:%d", ln.Addr().(*net.TCPAddr).Port), pages: map[string]string{}}
	go http.Serve(ln, h) //nolint:errcheck // lives as long as the test binary
	return h, nil
})

func (h *hostSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	page, ok := h.pages[r.URL.Path]
	h.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(page))
}

// hostPage publishes a page of the host site that embeds the support
// team's widget after head (extra CSS) and before (script run first),
// and returns its URL.
func hostPage(t *testing.T, path, css, before string) string {
	t.Helper()
	h, err := host()
	if err != nil {
		t.Fatal(err)
	}
	page := `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme Garden Tools</title>
<style>body{font-family:Georgia,serif;margin:0;padding:2rem;background:#fdf6e3;color:#333}
button{all:unset;font-size:30px!important;color:red!important} ` + css + `</style></head>
<body><main><h1>Acme Garden Tools</h1><p>Spades, rakes and sturdy wheelbarrows since 1921.</p>
<p>Questions about an order? Use the Help button.</p></main>
` + before + `
<script src="` + html.EscapeString(srv.url) + `/widget.js" data-team="support" async></script>
</body></html>`
	h.mu.Lock()
	h.pages[path] = page
	h.mu.Unlock()
	return h.origin + path
}

// identifyFirst is the host page's script that names the visitor before
// the widget loads, through the documented queue.
func identifyFirst(id map[string]string) string {
	b, _ := json.Marshal(id) // escapes < and >, so it cannot end the script
	return `<script>window.Frontdesk = window.Frontdesk || {q: []}; Frontdesk.q.push(["identify", ` + string(b) + `]);</script>`
}

// sign is what the host site's server computes: the hex HMAC-SHA256 of
// the external id under the team's widget secret.
func sign(secret, externalID string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(externalID))
	return hex.EncodeToString(mac.Sum(nil))
}

// allowHost lets the host site embed the support team's widget, through
// the widget settings page as an admin does, and returns the team's secret.
func allowHost(t *testing.T) string {
	t.Helper()
	h, err := host()
	if err != nil {
		t.Fatal(err)
	}
	admin := newPage(t)
	admin.signIn(adminEmail, adminPassword)
	admin.open("/settings/teams/1/widget")
	admin.do(
		chromedp.WaitVisible(chromedp.CSS("#origins")),
		chromedp.SetValue(chromedp.CSS("#origins"), h.origin),
		chromedp.Click(chromedp.CSS(`form[action$="/widget"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if got := get(admin, chromedp.Value(chromedp.CSS("#origins"))); !strings.Contains(got, h.origin) {
		t.Fatalf("allowed origins after saving: %q", got)
	}
	return get(admin, chromedp.Value(chromedp.CSS("#secret")))
}

// in selects an element inside the widget's shadow root.
func in(css string) chromedp.JSPath {
	return chromedp.JSPath(fmt.Sprintf(`document.querySelector("#frontdesk-widget")?.shadowRoot?.querySelector(%q)`, css))
}

// inWidget evaluates a JavaScript expression with w bound to the widget's
// shadow root.
func inWidget[T any](p *page, expr string) T {
	p.t.Helper()
	return get(p, chromedp.Evaluate[T](`(() => { const w = document.querySelector("#frontdesk-widget").shadowRoot; return `+expr+`; })()`))
}

// waitWidgetText waits until the widget element's text holds want.
func (p *page) waitWidgetText(css, want string) {
	p.t.Helper()
	p.do(chromedp.WaitVisible(in(css)))
	for i := 0; i < 100; i++ {
		if strings.Contains(inWidget[string](p, fmt.Sprintf(`(w.querySelector(%q) || {}).textContent || ""`, css)), want) {
			return
		}
		p.do(chromedp.Sleep(1e8))
	}
	p.t.Fatalf("the widget's %s never showed %q; the panel says:\n%s", css, want,
		inWidget[string](p, `w.querySelector(".panel").textContent`))
}

// apiReply answers the ticket numbered n as the operator, through the
// REST API, which takes the number as "#n".
func apiReply(t *testing.T, n int64, body string) {
	t.Helper()
	out, err := exec.Command(srv.bin, "token", "create", "--db", srv.db, "--email", adminEmail).Output()
	if err != nil {
		t.Fatalf("token create: %v", err)
	}
	b, _ := json.Marshal(map[string]string{"kind": "reply", "body": body})
	req, _ := http.NewRequest(http.MethodPost, fmt.Sprintf("%s/api/v1/tickets/%%23%d/messages", srv.url, n), bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(out)))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("reply through the API: %d", res.StatusCode)
	}
}

// inert fails the test if a payload ran on p's page.
func inert(t *testing.T, p *page, where string) {
	t.Helper()
	if got := get(p, chromedp.Evaluate[string](`typeof window.__pwned`)); got != "undefined" {
		t.Errorf("window.__pwned is %s on %s: a payload ran", got, where)
	}
}
