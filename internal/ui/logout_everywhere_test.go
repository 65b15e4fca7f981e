package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// "Sign out everywhere" ends the operator's sessions in every browser,
// this one included, and no one else's; it needs the form's token.
func TestSignOutEverywhere(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		laptop, phone := e.newClient(), e.newClient()
		for _, c := range []*http.Client{laptop, phone} {
			if res, _ := e.login(c, "agent@example.com", password, "/inbox"); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("sign in: %d", res.StatusCode)
			}
		}
		admin := e.client("admin")
		if res, _ := e.do(laptop, http.MethodPost, "/logout/everywhere", url.Values{}, nil); res.StatusCode != http.StatusForbidden {
			t.Errorf("without the form's token: %d, want 403", res.StatusCode)
		}
		res, _ := e.do(laptop, http.MethodPost, "/logout/everywhere", url.Values{"_csrf": {e.csrf(laptop, "/inbox")}}, nil)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login?done=everywhere" {
			t.Fatalf("sign out everywhere: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		for name, c := range map[string]*http.Client{"this browser": laptop, "the phone": phone} {
			if res, _ := e.do(c, http.MethodGet, "/inbox", nil, nil); res.StatusCode != http.StatusSeeOther {
				t.Errorf("%s is still signed in: %d", name, res.StatusCode)
			}
		}
		if res, _ := e.do(admin, http.MethodGet, "/inbox", nil, nil); res.StatusCode != http.StatusOK {
			t.Errorf("another operator was signed out: %d", res.StatusCode)
		}
		expect(t, "notice", e.get("/login?done=everywhere", http.StatusOK), []string{"signed out on every device"}, nil)
	})
}
