package e2e

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// hookReceiver keeps the deliveries a webhook posts to it.
type hookReceiver struct {
	*httptest.Server
	mu  sync.Mutex
	got []hookDelivery
}

type hookDelivery struct {
	event, signature string
	body             []byte
}

func newHookReceiver(t *testing.T) *hookReceiver {
	r := &hookReceiver{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.got = append(r.got, hookDelivery{event: req.Header.Get("Frontdesk-Event"),
			signature: req.Header.Get("Frontdesk-Signature"), body: body})
		r.mu.Unlock()
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *hookReceiver) deliveries() []hookDelivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]hookDelivery(nil), r.got...)
}

// signedWith checks a delivery as docs/webhooks.md tells a receiver to.
func (d hookDelivery) signedWith(secret string) bool {
	ts, sig, ok := strings.Cut(strings.TrimPrefix(d.signature, "t="), ",v1=")
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts + "." + string(d.body)))
	return ok && hmac.Equal([]byte(sig), []byte(hex.EncodeToString(mac.Sum(nil))))
}

// TestWebhookSettings: an admin adds a webhook (the install's own address
// is refused on its field), copies the secret shown once, sends a test
// that a real receiver gets signed with it, sees the delivery listed as
// sent, and deletes the webhook after a red confirmation.
func TestWebhookSettings(t *testing.T) {
	recv := newHookReceiver(t)
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/settings/webhooks")
	p.do(chromedp.WaitVisible(chromedp.CSS("main .empty")))
	p.screenshot("webhooks-empty")
	p.do(chromedp.Click(chromedp.CSS(`a[href="/settings/webhooks/new"]`)), chromedp.WaitVisible(chromedp.CSS("#url")))
	p.checkAxe("the new webhook form")
	p.do(
		chromedp.SendKeys(chromedp.CSS("#name"), "Team CRM"),
		chromedp.SendKeys(chromedp.CSS("#url"), srv.url+"/api/v1/tickets"),
		chromedp.Click(chromedp.CSS(`main form.settings-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#url-error")),
	)
	if got := get(p, chromedp.Text(chromedp.CSS("#url-error"))); !strings.Contains(got, "this Frontdesk itself") {
		t.Errorf("the install's own address: %q", got)
	}
	p.screenshot("webhook-refused")
	p.do(
		chromedp.SetValue(chromedp.CSS("#url"), recv.URL+"/frontdesk"),
		chromedp.Click(chromedp.CSS(`input[value="status_entered"]`)),
		chromedp.Click(chromedp.CSS(`main form.settings-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#webhook-secret")),
	)
	secret := get(p, chromedp.Value(chromedp.CSS("#webhook-secret")))
	if !strings.HasPrefix(secret, "whsec_") {
		t.Fatalf("the secret shown is %q", secret)
	}
	p.screenshot("webhook-created")
	// The page already shows "Webhook created." in its flash: wait for the
	// test's own redirect, or the reloads below abort its POST.
	p.do(chromedp.Click(chromedp.CSS(`form[action$="/test"] button`)))
	p.waitPath("done=webhook-test")
	path := p.path()
	// The receiver first, then the page: a failure says which side is late.
	for deadline := time.Now().Add(30 * time.Second); len(recv.deliveries()) == 0; time.Sleep(200 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the receiver got no delivery in 30 s; the server printed:\n%s", tail(srv.logText(), 4000))
		}
	}
	var navErr error
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(300 * time.Millisecond) {
		// A reload can be aborted by the one before it on a loaded machine;
		// the loop tries again until its deadline.
		navErr = chromedp.Do(p.ctx, chromedp.Navigate(srv.url+path), chromedp.WaitVisible(chromedp.CSS("main")))
		if navErr == nil && get(p, chromedp.Evaluate[bool](`!!document.querySelector("table.deliveries .status-sent")`)) {
			break
		}
		if time.Now().After(deadline) {
			table := get(p, chromedp.Evaluate[string](`(document.querySelector("main") || document.body).innerText`))
			t.Fatalf("the delivery the receiver got is not listed as sent after 20 s (last reload: %v); the page reads:\n%s", navErr, table)
		}
	}
	got := recv.deliveries()
	if len(got) != 1 || got[0].event != "ping" || !got[0].signedWith(secret) {
		t.Fatalf("the receiver got %d deliveries (first signed with the shown secret: %v)", len(got), len(got) > 0 && got[0].signedWith(secret))
	}
	if cell := get(p, chromedp.Text(chromedp.CSS(`table.deliveries td[data-label="HTTP"]`))); cell != "200" {
		t.Errorf("the HTTP column reads %q", cell)
	}
	p.screenshot("webhook-deliveries")
	p.checkAxe("a webhook with its deliveries")
	p.open("/settings/webhooks")
	p.screenshot("webhooks-list")
	p.open(path)
	p.do(
		chromedp.Click(chromedp.CSS(`form[action$="/delete"] button.danger`)),
		chromedp.WaitVisible(chromedp.CSS("dialog.confirm-dialog[open]")),
	)
	if got := get(p, chromedp.Text(chromedp.CSS("dialog.confirm-dialog button.danger"))); got != "Delete webhook" {
		t.Errorf("the red action reads %q", got)
	}
	p.do(chromedp.Click(chromedp.CSS("dialog.confirm-dialog button.danger")), chromedp.WaitVisible(chromedp.CSS("main .empty")))
}

// TestBellIsLive: another operator's @mention reaches the bell without a
// reload, with a notice that links to it.
func TestBellIsLive(t *testing.T) {
	const email = "bell@e2e.test"
	cmd := exec.CommandContext(context.Background(), srv.bin, "user", "create", "--db", srv.db,
		"--email", email, "--name", "Bea Bell", "--role", "agent", "--password-stdin")
	cmd.Stdin = strings.NewReader(adminPassword + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("user create: %v\n%s", err, out)
	}
	p := newPage(t)
	p.signIn(email, adminPassword)
	p.open("/contacts") // any page: the bell is in the top bar
	p.do(chromedp.WaitVisible(chromedp.CSS("header.bar a.notif")))
	p.do(chromedp.Evaluate[chromedp.Void](`window.__samePage = true`))
	if get(p, chromedp.Evaluate[bool](`!!document.querySelector("header.bar .notif-count")`)) {
		t.Fatal("the bell counts notices before any")
	}
	for deadline := time.Now().Add(10 * time.Second); !get(p, chromedp.Evaluate[bool](`events.source.readyState === EventSource.OPEN`)); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) { // a notice before the stream opens is counted, but not shown as new
			t.Fatal("the event stream did not open")
		}
	}
	api(t, apiToken(t), http.MethodPost, fmt.Sprintf("/tickets/%d/messages", seeded[0].ID),
		map[string]string{"kind": "note", "body": "@bell can you call them back?"}, nil)
	p.do(chromedp.WaitVisible(chromedp.CSS("header.bar .notif-count")))
	if got := get(p, chromedp.Text(chromedp.CSS("header.bar .notif-count"))); !strings.HasPrefix(got, "1") {
		t.Errorf("the bell reads %q", got)
	}
	if !get(p, chromedp.Evaluate[bool](`window.__samePage === true`)) {
		t.Error("the page was reloaded")
	}
	p.do(chromedp.WaitVisible(chromedp.CSS(".toast a")))
	if got := get(p, chromedp.Text(chromedp.CSS(".toast a"))); !strings.Contains(got, "mentioned you on #") {
		t.Errorf("the notice reads %q", got)
	}
	p.screenshot("bell-live")
	p.checkAxe("a page with a new notification")
	p.do(chromedp.Click(chromedp.CSS(".toast a")))
	p.waitPath(fmt.Sprintf("/tickets/%d", seeded[0].Number))
	if get(p, chromedp.Evaluate[bool](`!!document.querySelector("header.bar .notif-count")`)) {
		t.Error("opening the notice left it unread")
	}
}

// TestInboxHearsTheSharedStream: the inbox's "New activity" notice
// listens to the page's one event stream, which the bell shares.
func TestInboxHearsTheSharedStream(t *testing.T) {
	p := newPage(t)
	p.signIn(adminEmail, adminPassword)
	p.open("/inbox")
	for deadline := time.Now().Add(10 * time.Second); !get(p, chromedp.Evaluate[bool](`events.source.readyState === EventSource.OPEN`)); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the event stream did not open")
		}
	}
	apiTicket(t, "Shared stream check", "Sam", "sam@example.com")
	p.do(chromedp.WaitVisible(chromedp.CSS("#live")))
}

// tail is the last n bytes of s, for failure messages.
func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
