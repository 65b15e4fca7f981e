package ui_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ui"
)

const password = "correct horse battery"

// env is the agent app over a fresh database, with an admin and an agent
// who can sign in, and a browser-like client per person.
type env struct {
	t       *testing.T
	s       *app.Services
	srv     *httptest.Server
	ids     map[string]int64
	clients map[string]*http.Client // "" is a visitor without a session
	// lastSession is the cookie value of the latest sign-in, to replay it.
	lastSession string
}

func newEnv(t *testing.T, d *db.DB) *env {
	t.Helper()
	return newEnvWith(t, d, ui.Deps{})
}

// newEnvWith is newEnv with the UI's optional dependencies set.
func newEnvWith(t *testing.T, d *db.DB, deps ui.Deps) *env {
	t.Helper()
	s := testutil.Services(t, d)
	deps.Services, deps.Log, deps.BaseURL = s, slog.New(slog.NewTextHandler(io.Discard, nil)), "http://x"
	u, err := ui.New(deps)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	u.Register(mux)
	e := &env{t: t, s: s, srv: httptest.NewServer(mux), ids: map[string]int64{}, clients: map[string]*http.Client{}}
	t.Cleanup(e.srv.Close)
	for _, who := range []operator.Role{operator.Admin, operator.Agent} {
		op, err := s.Operators.Create(context.Background(), operator.NewOperator{Email: string(who) + "@example.com",
			Name: "The " + string(who), Role: who, Password: password})
		if err != nil {
			t.Fatal(err)
		}
		e.ids[string(who)] = op.ID
	}
	return e
}

// client returns who's browser: a cookie jar that does not follow redirects.
func (e *env) client(who string) *http.Client {
	if c, ok := e.clients[who]; ok {
		return c
	}
	c := e.newClient()
	e.clients[who] = c
	if who != "" {
		if res, body := e.login(c, who+"@example.com", password, ""); res.StatusCode != http.StatusSeeOther {
			e.t.Fatalf("sign in as %s: %d %s", who, res.StatusCode, body)
		}
	}
	return c
}

// newClient is a fresh browser with no cookies.
func (e *env) newClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (e *env) do(c *http.Client, method, path string, form url.Values, hdr map[string]string) (*http.Response, string) {
	e.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	if raw, ok := hdr["body"]; ok { // a prepared body, such as multipart
		body = strings.NewReader(raw)
		delete(hdr, "body")
	}
	req, err := http.NewRequest(method, e.srv.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

var staticURL = regexp.MustCompile(`/static/app\.[0-9a-f]{10}\.css`)

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// csrf reads the token from a page's form, as a browser would send it.
func (e *env) csrf(c *http.Client, path string) string {
	e.t.Helper()
	_, body := e.do(c, http.MethodGet, path, nil, nil)
	m := csrfInput.FindStringSubmatch(body)
	if m == nil {
		e.t.Fatalf("no CSRF token on %s: %s", path, body)
	}
	return m[1]
}

// login fills in and sends the sign-in form.
func (e *env) login(c *http.Client, email, pw, next string) (*http.Response, string) {
	e.t.Helper()
	form := url.Values{"_csrf": {e.csrf(c, "/login")}, "email": {email}, "password": {pw}, "next": {next}}
	res, body := e.do(c, http.MethodPost, "/login", form, nil)
	if ck := hasCookie(res, "fd_session"); ck != nil {
		e.lastSession = ck.Value
	}
	return res, body
}

func hasCookie(res *http.Response, name string) *http.Cookie {
	for _, c := range res.Cookies() {
		if c.Name == name && c.MaxAge >= 0 {
			return c
		}
	}
	return nil
}

// expect checks the body for substrings that must and must not appear.
func expect(t *testing.T, name, body string, contains, notContain []string) {
	t.Helper()
	for _, want := range contains {
		if !strings.Contains(body, want) {
			t.Errorf("%s: body lacks %q:\n%s", name, want, body)
		}
	}
	for _, bad := range notContain {
		if strings.Contains(body, bad) {
			t.Errorf("%s: body holds %q", name, bad)
		}
	}
}
