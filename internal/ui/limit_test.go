package ui_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A form post over its limit gets a 413 page that says so, not a CSRF
// refusal or a form with its fields missing, and nothing is written.
func TestOversizedFormGets413(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Printer jams", 0, "")
		huge := strings.Repeat("x", 1<<20)
		res, body := e.post(fmt.Sprintf("/tickets/%d/messages", tk.Number), url.Values{"kind": {"note"}, "body": {huge}}, true)
		if res.StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("a 1 MB note: %d, want 413", res.StatusCode)
		}
		expect(t, "413 page", body, []string{"larger than 1 MB"}, []string{"expired"})
		res, _ = e.do(e.newClient(), http.MethodPost, "/login", url.Values{"email": {"a@example.com"}, "password": {huge}}, nil)
		if res.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("a 1 MB sign-in: %d, want 413", res.StatusCode)
		}
		msgs, err := e.s.Tickets.Messages(t.Context(), tk.ID, false)
		if err != nil || len(msgs) != 1 {
			t.Errorf("the thread has %d messages (%v), want 1", len(msgs), err)
		}
	})
}
