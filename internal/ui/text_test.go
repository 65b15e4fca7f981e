package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The agent app's forms refuse control characters with a message next to
// what was typed, and store nothing.
func TestAgentAppRefusesControlCharacters(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Printer jams", 0, "")
		path := fmt.Sprintf("/tickets/%d/messages", tk.Number)
		res, body := e.post(path, url.Values{"kind": {"note"}, "body": {"paper\x00jam"}}, true)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("note with NUL: %d, want 422", res.StatusCode)
		}
		expect(t, "note with NUL", body, []string{"The message contains a control character."}, nil)
		body = e.postAs("agent", "/settings/account", url.Values{"name": {"Agnes\x1b[31m"}}, http.StatusUnprocessableEntity)
		expect(t, "name with ESC", body, []string{"Contains a control character."}, nil)
		msgs, err := e.s.Tickets.Messages(context.Background(), tk.ID, false)
		if err != nil || len(msgs) != 1 {
			t.Errorf("the thread has %d messages after a refused note (%v), want 1", len(msgs), err)
		}
	})
}
