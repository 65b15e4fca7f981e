package ui_test

import (
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// Error pages say what went wrong in sentence case, inside the app's
// navigation for whoever is signed in; the icon and the sign-in focus.
func TestErrorPagesIconAndSignInFocus(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		nav := `<nav aria-label="Main" id="main-nav">`
		expect(t, "404 signed in", e.getAs("agent", "/no/such/page", http.StatusNotFound),
			[]string{nav, "<h1>Page not found</h1>", "There is no page at this address.", `href="/favicon.ico"`}, nil)
		expect(t, "403", e.getAs("agent", "/settings/teams", http.StatusForbidden),
			[]string{nav, "<h1>Not allowed</h1>", "Only an admin can change the settings."}, []string{"Forbidden"})
		anon := e.newClient()
		res, body := e.do(anon, http.MethodGet, "/no/such/page", nil, nil)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("404 signed out: %d", res.StatusCode)
		}
		expect(t, "404 signed out", body, []string{"<h1>Page not found</h1>", `href="/login"`}, []string{nav})

		res, body = e.do(anon, http.MethodGet, "/favicon.ico", nil, nil)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/svg+xml" {
			t.Errorf("/favicon.ico: %d %s %.40s", res.StatusCode, res.Header.Get("Content-Type"), body)
		}

		_, page := e.login(e.newClient(), "agent@example.com", "not the password", "")
		expect(t, "wrong password", page, []string{`autocomplete="current-password" required autofocus`},
			[]string{`autocomplete="username" required autofocus`})
	})
}
