package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestSignedOutVisitors(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		cases := []struct {
			name, method, path string
			hdr                map[string]string
			status             int
			location, redirect string
		}{
			{"inbox sends to sign in", "GET", "/inbox?view=closed", nil, http.StatusSeeOther,
				"/login?next=%2Finbox%3Fview%3Dclosed", ""},
			{"htmx is told where to go", "GET", "/inbox", map[string]string{"HX-Request": "true"},
				http.StatusUnauthorized, "", "/login?next=%2Finbox"},
			{"the front door opens the inbox", "GET", "/", nil, http.StatusSeeOther, "/inbox", ""},
			{"a forged session is no session", "GET", "/inbox", map[string]string{"Cookie": "fd_session=forged"},
				http.StatusSeeOther, "/login?next=%2Finbox", ""},
			{"sign-out needs a session", "POST", "/logout", nil, http.StatusSeeOther, "/login", ""},
			{"unknown pages are 404", "GET", "/nope", nil, http.StatusNotFound, "", ""},
		}
		for _, tc := range cases {
			res, _ := e.do(e.newClient(), tc.method, tc.path, nil, tc.hdr)
			if res.StatusCode != tc.status || res.Header.Get("Location") != tc.location ||
				res.Header.Get("HX-Redirect") != tc.redirect {
				t.Errorf("%s: %d to %q (HX %q), want %d to %q (HX %q)", tc.name, res.StatusCode,
					res.Header.Get("Location"), res.Header.Get("HX-Redirect"), tc.status, tc.location, tc.redirect)
			}
		}
	})
}

func TestCSRFAndLogout(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		c := e.client("agent")
		agentSession, token := e.lastSession, e.csrf(c, "/inbox")
		steps := []struct {
			name   string
			form   url.Values
			hdr    map[string]string
			status int
		}{
			{"no token", url.Values{}, nil, http.StatusForbidden},
			{"a wrong token", url.Values{"_csrf": {"x" + token}}, nil, http.StatusForbidden},
			{"another session's token", url.Values{"_csrf": {e.csrf(e.client("admin"), "/inbox")}}, nil, http.StatusForbidden},
			{"the token as htmx sends it", nil, map[string]string{"X-CSRF-Token": token}, http.StatusSeeOther},
		}
		for _, st := range steps {
			res, body := e.do(c, http.MethodPost, "/logout", st.form, st.hdr)
			if res.StatusCode != st.status {
				t.Fatalf("%s: %d, want %d: %s", st.name, res.StatusCode, st.status, body)
			}
			if st.status == http.StatusForbidden {
				expect(t, st.name, body, []string{"Reload the page and try again"}, nil)
			}
		}
		res, _ := e.do(c, http.MethodGet, "/inbox", nil, nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("after sign-out the inbox answered %d", res.StatusCode)
		}
		// The old cookie must not work either: the row is gone, not just the cookie.
		res, _ = e.do(e.newClient(), http.MethodGet, "/inbox", nil, map[string]string{"Cookie": "fd_session=" + agentSession})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("the signed-out session still works: %d", res.StatusCode)
		}
	})
}

func TestStaticFiles(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		_, page := e.do(e.newClient(), http.MethodGet, "/login", nil, nil)
		css := staticURL.FindString(page)
		if css == "" {
			t.Fatalf("no hashed stylesheet on the page: %s", page)
		}
		res, body := e.do(e.newClient(), http.MethodGet, css, nil, nil)
		if res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" ||
			res.Header.Get("Content-Type") != "text/css; charset=utf-8" || len(body) == 0 {
			t.Fatalf("%s: %d %v", css, res.StatusCode, res.Header)
		}
		if res, _ := e.do(e.newClient(), http.MethodGet, "/static/app.css", nil, nil); res.StatusCode != http.StatusNotFound {
			t.Fatalf("an unhashed name answered %d", res.StatusCode)
		}
	})
}
