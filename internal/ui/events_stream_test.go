package ui_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/session"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ui"
)

// TestEventsStream reads the server-sent events over a real connection:
// a ticket created after the stream opened arrives as an event line.
func TestEventsStream(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		if res, _ := e.do(e.newClient(), http.MethodGet, "/events", nil, nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("a visitor got %d, want a redirect to sign in", res.StatusCode)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, e.srv.URL+"/events", nil)
		res, err := e.client("agent").Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if ct := res.Header.Get("Content-Type"); res.StatusCode != http.StatusOK || ct != "text/event-stream" {
			t.Fatalf("got %d %q", res.StatusCode, ct)
		}
		lines := make(chan string)
		go func() {
			defer close(lines)
			sc := bufio.NewScanner(res.Body)
			for sc.Scan() {
				select {
				case lines <- sc.Text():
				case <-ctx.Done():
					return
				}
			}
		}()
		if first := <-lines; !strings.HasPrefix(first, "retry:") {
			t.Fatalf("the stream starts with %q", first)
		}
		tk := e.open("Live one", 1, "")
		want := fmt.Sprintf(`"ticket_id":%d`, tk.ID)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatal("the stream ended before the event")
				}
				if l == "event: ticket.created" {
					if data := <-lines; !strings.Contains(data, want) {
						t.Fatalf("data line %q lacks %s", data, want)
					}
					cancel() // the client goes away; the handler must end
					return
				}
			case <-ctx.Done():
				t.Fatal("no ticket.created event within 10 s")
			}
		}
	})
}

// TestEventsStreamEndsWithItsSession: a stream outlives its heartbeats
// while the session lives, and ends at the next one once the session is
// gone (here: a password change elsewhere ended it), so a signed-out
// browser stops hearing about tickets.
func TestEventsStreamEndsWithItsSession(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnvWith(t, d, ui.Deps{Heartbeat: 50 * time.Millisecond})
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, e.srv.URL+"/events", nil)
		res, err := e.client("agent").Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		beats := 0
		for beats < 3 && sc.Scan() {
			if sc.Text() == ": heartbeat" {
				beats++
			}
		}
		if beats < 3 {
			t.Fatalf("the stream of a live session ended after %d heartbeats: %v", beats, sc.Err())
		}
		if err := session.EndOthers(ctx, d.Write, e.ids["agent"], ""); err != nil {
			t.Fatal(err)
		}
		for sc.Scan() {
		}
		if ctx.Err() != nil {
			t.Fatal("the stream went on for 10 s after its session ended")
		}
	})
}
