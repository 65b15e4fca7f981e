package portal_test

import (
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A comment on the public page with a NUL (PostgreSQL used to fail with
// a 500) or another control character is refused with a message, and the
// thread is unchanged.
func TestCommentWithControlCharacterIsRefused(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.ticket("VPN drops every hour", "Vera")
		v := e.visit(tk.PublicToken)
		before := len(e.thread(tk.ID))
		for _, body := range []string{"It broke\x00 again", "colour\x1b[31m"} {
			rec := e.post("/t/"+tk.PublicToken+"/comments", v, map[string]string{"body": body}, nil, nil)
			if rec.Code != http.StatusUnprocessableEntity {
				t.Errorf("comment %q: %d, want 422", body, rec.Code)
			}
			contains(t, rec.Body.String(), []string{"cannot be stored"}, nil)
		}
		if n := len(e.thread(tk.ID)); n != before {
			t.Errorf("the thread has %d messages, want %d", n, before)
		}
	})
}
