package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// Two operators on one ticket: each sees the other, typing or not; the
// one who leaves is gone for the other.
func TestTicketPresence(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.openFor("Broken printer", 1, ada)
		path := "/tickets/" + itoa(tk.Number)
		expect(t, "page", e.getAs("admin", path, http.StatusOK), []string{`id="presence"`, `data-url="` + path + `/presence"`}, nil)
		expect(t, "alone", e.postAs("admin", path+"/presence", url.Values{}, http.StatusOK), []string{`{"others":[]}`}, nil)
		expect(t, "agent sees admin", e.postAs("agent", path+"/presence", url.Values{"typing": {"1"}}, http.StatusOK),
			[]string{`"name":"The admin","typing":false`}, nil)
		expect(t, "admin sees agent typing", e.getAs("admin", path+"/presence", http.StatusOK),
			[]string{`"name":"The agent","typing":true`}, []string{"The admin"})
		e.postAs("agent", path+"/presence", url.Values{"leave": {"1"}}, http.StatusOK)
		expect(t, "agent left", e.getAs("admin", path+"/presence", http.StatusOK), []string{`{"others":[]}`}, nil)

		res, _ := e.do(e.client("agent"), http.MethodPost, path+"/presence", url.Values{}, nil)
		if res.StatusCode != http.StatusForbidden {
			t.Fatalf("a beat without the CSRF token: %d", res.StatusCode)
		}
		e.getAs("", path+"/presence", http.StatusSeeOther)
	})
}
