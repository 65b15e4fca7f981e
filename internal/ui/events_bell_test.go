package ui_test

import (
	"bufio"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The bell hears of a new notice over the event stream: the count at
// once, then the new count with the notice's text and link when another
// operator mentions the reader; the author's own stream shows nothing new.
func TestEventsStreamCarriesTheBell(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.openFor("Broken printer", 1, ada)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, e.srv.URL+"/events", nil)
		res, err := e.client("agent").Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		next := func() string {
			for sc.Scan() {
				if sc.Text() == "event: notifications" && sc.Scan() {
					return sc.Text()
				}
			}
			t.Fatalf("the stream ended without a notifications event: %v", sc.Err())
			return ""
		}
		if first := next(); first != `data: {"unread":0}` {
			t.Fatalf("first bell event %q, want the count", first)
		}
		e.postAs("admin", "/tickets/"+itoa(tk.Number)+"/messages", url.Values{"kind": {"note"}, "body": {"@agent have a look"}},
			http.StatusSeeOther)
		got := next()
		for _, want := range []string{`"unread":1`, `"url":"/notifications/`, `"text":"The admin mentioned you on #` + itoa(tk.Number) + ` Broken printer"`} {
			if !strings.Contains(got, want) {
				t.Errorf("bell event %s lacks %s", got, want)
			}
		}
	})
}
