package portal_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	rx "regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/server"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// formEnv is the whole server over a fresh database, with the support
// team's form given extra fields.
type formEnv struct {
	t   *testing.T
	s   *app.Services
	srv *httptest.Server
}

const payload = `<script>window.__pwned=1</script>`

func newFormEnv(t *testing.T, d *db.DB) *formEnv {
	t.Helper()
	s := testutil.Services(t, d)
	e := &formEnv{t: t, s: s, srv: httptest.NewServer(server.Handler(s, slog.New(slog.NewTextHandler(io.Discard, nil))))}
	t.Cleanup(e.srv.Close)
	fields := append(form.Default(),
		form.Field{Name: "plan", Target: form.Extra, Type: form.Select, Label: "Plan", Options: []string{"Free", "Pro", payload}},
		form.Field{Name: "seats", Target: form.Extra, Type: form.Text, Label: "Seats", Required: true, ShowIf: "plan"},
		form.Field{Name: "order", Target: form.Extra, Type: form.Text, Label: "Order number"},
		form.Field{Name: "shot", Target: form.Extra, Type: form.File, Label: "Screenshot"},
	)
	if _, err := s.Forms.Save(context.Background(), 1, fields); err != nil {
		t.Fatal(err)
	}
	return e
}

var tokenInput = rx.MustCompile(`name="_form" value="([^"]+)"`)

// token reads the signed token from the form page, as a browser sends it.
func (e *formEnv) token() string {
	e.t.Helper()
	_, body := e.get("/support/support")
	m := tokenInput.FindStringSubmatch(body)
	if m == nil {
		e.t.Fatalf("no form token: %s", body)
	}
	return m[1]
}

func (e *formEnv) get(path string) (*http.Response, string) {
	e.t.Helper()
	res, err := http.Get(e.srv.URL + path)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

type file struct{ field, name, body string }

// post sends a multipart form from ip with headers hdr.
func (e *formEnv) post(ip string, values map[string]string, files []file, hdr map[string]string) (*http.Response, string) {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range values {
		_ = mw.WriteField(k, v)
	}
	for _, f := range files {
		w, _ := mw.CreateFormFile(f.field, f.name)
		_, _ = w.Write([]byte(f.body))
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/support/support", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func (e *formEnv) tickets() []ticket.Ticket {
	e.t.Helper()
	p, err := e.s.Tickets.List(context.Background(), ticket.Filter{})
	if err != nil {
		e.t.Fatal(err)
	}
	return p.Items
}

func good(tok string) map[string]string {
	return map[string]string{"_form": tok, "first_name": "Ada", "email": "ada@example.com", "subject": "Printer on fire",
		"description": "Smoke everywhere.", "order": "A-1"}
}

func formContains(t *testing.T, name, body string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("%s: lacks %q:\n%s", name, w, body)
		}
	}
	for _, w := range not {
		if strings.Contains(body, w) {
			t.Errorf("%s: holds %q", name, w)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func mustRx(s string) *rx.Regexp { return rx.MustCompile(s) }
