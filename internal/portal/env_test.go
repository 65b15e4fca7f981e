package portal_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/server"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// env is the whole HTTP surface over a fresh database, with one operator.
type env struct {
	t  *testing.T
	s  *app.Services
	h  http.Handler
	op operator.Operator
}

func newEnv(t *testing.T, d *db.DB) *env {
	t.Helper()
	s := testutil.Services(t, d)
	op, err := s.Operators.Create(context.Background(), operator.NewOperator{Email: "olga@example.com",
		Name: "Olga Operator", Role: operator.Agent, Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	return &env{t: t, s: s, op: op, h: server.Handler(s, slog.New(slog.NewTextHandler(io.Discard, nil)))}
}

// ticket opens a ticket for a customer called first.
func (e *env) ticket(subject, first string) ticket.Ticket {
	e.t.Helper()
	t, err := e.s.Tickets.Create(context.Background(), ticket.NewTicket{Subject: subject, Team: "support",
		Description: "My printer prints only blank pages.", Channel: ticket.WebForm,
		Contact: contact.Identity{Email: emailOf(first), FirstName: first}})
	if err != nil {
		e.t.Fatal(err)
	}
	return t
}

// emailOf makes an address of a name, even of a hostile one.
func emailOf(name string) string {
	local := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, strings.ToLower(name))
	return local + "@example.com"
}

// message adds a message with one file named name holding content.
func (e *env) message(id int64, kind ticket.MessageKind, body, name, content string) ticket.Message {
	e.t.Helper()
	m := ticket.NewMessage{Kind: kind, Body: body}
	if kind == ticket.Reply || kind == ticket.Note {
		m.OperatorID = e.op.ID
	}
	if name != "" {
		ref, err := e.s.Blobs.PutBytes([]byte(content))
		if err != nil {
			e.t.Fatal(err)
		}
		m.Attachments = []ticket.NewAttachment{{SHA256: ref.SHA256, Size: ref.Size, Filename: name, ContentType: "text/plain"}}
	}
	msg, err := e.s.Tickets.AddMessage(context.Background(), id, m)
	if err != nil {
		e.t.Fatal(err)
	}
	return msg
}

func (e *env) get(path string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	e.t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return rec
}

// visit is a customer's browser on a ticket page: its cookie and the
// form token the page carries.
type visit struct {
	cookie *http.Cookie
	form   string
	page   string
}

var formToken = regexp.MustCompile(`name="_form" value="([^"]+)"`)

func (e *env) visit(token string) visit {
	e.t.Helper()
	rec := e.get("/t/" + token)
	if rec.Code != http.StatusOK {
		e.t.Fatalf("GET /t/%s: %d", token, rec.Code)
	}
	var v visit
	for _, c := range rec.Result().Cookies() {
		if c.Name == "fd_portal" {
			v.cookie = c
		}
	}
	m := formToken.FindStringSubmatch(rec.Body.String())
	if v.cookie == nil || m == nil {
		e.t.Fatal("the page set no form cookie or carries no form token")
	}
	v.form, v.page = m[1], rec.Body.String()
	return v
}

// upload is a file for a multipart post.
type upload struct {
	name    string
	content []byte
}

// post sends a multipart form as a same-origin browser would, unless
// headers say otherwise.
func (e *env) post(path string, v visit, fields map[string]string, files []upload, headers map[string]string) *httptest.ResponseRecorder {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if _, ok := fields["_form"]; !ok {
		_ = mw.WriteField("_form", v.form)
	}
	for k, val := range fields {
		_ = mw.WriteField(k, val)
	}
	for _, f := range files {
		w, _ := mw.CreateFormFile("files", f.name)
		_, _ = w.Write(f.content)
	}
	_ = mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", "http://example.com")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	for k, val := range headers {
		if val == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, val)
		}
	}
	if v.cookie != nil {
		req.AddCookie(v.cookie)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return rec
}

func (e *env) reload(id int64) ticket.Ticket {
	e.t.Helper()
	t, err := e.s.Tickets.Get(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return t
}

func (e *env) thread(id int64) []ticket.Message {
	e.t.Helper()
	msgs, err := e.s.Tickets.Messages(context.Background(), id, false)
	if err != nil {
		e.t.Fatal(err)
	}
	return msgs
}

func contains(t *testing.T, body string, want []string, notWant []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("the answer lacks %q", w)
		}
	}
	for _, w := range notWant {
		if strings.Contains(body, w) {
			t.Errorf("the answer holds %q", w)
		}
	}
}

// fileID is the first /files/{id} link in a page.
func fileIDs(page string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`/files/(\d+)"`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}
