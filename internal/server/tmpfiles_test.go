package server_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/server"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// Behind FRONTDESK_TRUSTED_PROXIES every handler gets a copy of the
// request (RealClient), and net/http removes the temporary files of a
// multipart form only for the request it made. Posts with files past the
// in-memory part, refused or accepted, must leave nothing in $TMPDIR
// (os.TempDir, which mime/multipart writes to, reads it).
func TestUploadTempFilesRemovedBehindTrustedProxy(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tmp := t.TempDir()
		t.Setenv("TMPDIR", tmp)
		e.s.Blobs.Dir = t.TempDir()
		e.s.TrustedProxies, _ = httpx.ParseTrustedProxies("127.0.0.1")
		srv := httptest.NewServer(server.Handler(e.s, slog.New(slog.NewTextHandler(io.Discard, nil))))
		defer srv.Close()
		tk := e.create("/api/v1/tickets", goodTicket)
		messages := srv.URL + "/tickets/" + strconv.FormatFloat(tk["number"].(float64), 'f', 0, 64) + "/messages"
		full, err := e.s.Tickets.Get(context.Background(), int64(tk["id"].(float64)))
		if err != nil {
			t.Fatal(err)
		}
		session := &http.Cookie{Name: "fd_session", Value: e.signIn(e.ids["agent"])}
		portal := &http.Cookie{Name: "fd_portal", Value: strings.Repeat("c", 43)}
		for _, c := range []struct {
			name, url string
			cookie    *http.Cookie
			fields    map[string]string
			status    int
		}{
			{"website form without a form token", srv.URL + "/support/support", nil,
				map[string]string{"email": "x@example.com"}, http.StatusForbidden},
			{"ticket page comment with a wrong form token", srv.URL + "/t/" + full.PublicToken + "/comments", portal,
				map[string]string{"body": "hi", "_form": "wrong"}, http.StatusForbidden},
			{"agent app without a CSRF token", messages, session, map[string]string{"body": "hi"}, http.StatusForbidden},
			{"agent app reply with a file", messages, session,
				map[string]string{"body": "hi", "_csrf": testCSRF(session.Value)}, http.StatusSeeOther},
		} {
			if code := postBigFile(t, c.url, c.cookie, c.fields); code != c.status {
				t.Fatalf("%s: %d, want %d", c.name, code, c.status)
			}
			if left, size := tempFiles(tmp); left > 0 {
				t.Errorf("%s: left %d temporary files (%d bytes) behind", c.name, left, size)
			}
		}
	})
}

// postBigFile posts a 9 MB PDF with fields, as a browser behind our
// proxy: past what the agent app (8 MB) and the portal (1 MB) keep in
// memory, within what either accepts.
func postBigFile(t *testing.T, url string, cookie *http.Cookie, fields map[string]string) int {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("files", "big.pdf")
	_, _ = fw.Write(append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), 9<<20)...))
	_ = mw.Close()
	req, _ := http.NewRequest("POST", url, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("X-Forwarded-For", "203.0.113.9")
	if cookie != nil {
		req.AddCookie(cookie)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, res.Body)
	return res.StatusCode
}

func tempFiles(dir string) (n int, size int64) {
	left, _ := filepath.Glob(filepath.Join(dir, "multipart-*"))
	for _, f := range left {
		if st, err := os.Stat(f); err == nil {
			size += st.Size()
		}
	}
	return len(left), size
}

// testCSRF is the agent app's form token for a session (ui/csrf.go).
func testCSRF(session string) string {
	mac := hmac.New(sha256.New, []byte(session))
	mac.Write([]byte("frontdesk csrf v1"))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}
