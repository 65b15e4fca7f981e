package ui_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// pngBytes is a 1×1 PNG.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

func (e *env) postLogo(name string, content []byte) (*http.Response, string) {
	e.t.Helper()
	c := e.client("admin")
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("_csrf", e.csrf(c, "/inbox"))
	fw, _ := w.CreateFormFile("logo", name)
	_, _ = fw.Write(content)
	w.Close()
	return e.do(c, http.MethodPost, "/settings/brand/logo", nil, map[string]string{"Content-Type": w.FormDataContentType(), "body": buf.String()})
}

// Settings → Brand: name and colour with per-field errors, a logo through
// the upload policy; customers' mails carry the brand.
func TestSettingsBrand(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.getAs("agent", "/settings/brand", http.StatusForbidden)
		expect(t, "empty", e.getAs("admin", "/settings/brand", http.StatusOK), []string{"No logo yet.", `value="#2452c7"`}, nil)
		bad := e.postAs("admin", "/settings/brand", url.Values{"name": {"Acme"}, "color": {"red; }"}}, http.StatusUnprocessableEntity)
		expect(t, "bad colour", bad, []string{`id="color-error"`, "Must be a colour like #2452c7", `value="Acme"`}, nil)
		e.postAs("admin", "/settings/brand", url.Values{"name": {"Acme <Support>"}, "color": {"#AA3300"}}, http.StatusSeeOther)
		expect(t, "saved", e.getAs("admin", "/settings/brand?done=brand-saved", http.StatusOK),
			[]string{"Brand saved.", `value="Acme &lt;Support&gt;"`, `value="#aa3300"`}, nil)

		if res, body := e.postLogo("logo.html", []byte("<script>alert(1)</script>")); res.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(body, `id="logo-error"`) {
			t.Fatalf("an HTML logo: %d", res.StatusCode)
		}
		if res, body := e.postLogo("notes.txt", []byte("plain text")); res.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(body, "Must be a PNG, JPEG, GIF or WebP image") {
			t.Fatalf("a text logo: %d %s", res.StatusCode, body)
		}
		if res, _ := e.postLogo("logo.png", pngBytes); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("a PNG logo: %d", res.StatusCode)
		}
		expect(t, "logo shown", e.getAs("admin", "/settings/brand?done=logo-saved", http.StatusOK),
			[]string{"Logo saved.", `src="/settings/brand/logo?v=`, "Remove logo"}, nil)

		tk := e.openFor("Broken printer", 1, ada)
		e.postAs("admin", "/tickets/"+itoa(tk.Number)+"/messages", url.Values{"kind": {"reply"}, "body": {"Fixed."}}, http.StatusSeeOther)
		var htm string
		if err := d.Read.QueryRowContext(context.Background(), `SELECT body_html FROM mail_outbox WHERE to_email = 'ada@example.com'
			AND kind = 'reply'`).Scan(&htm); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(htm, "border-top: 4px solid #aa3300") || !strings.Contains(htm, "Acme &lt;Support&gt;</strong>") ||
			!strings.Contains(htm, `/brand/logo?v=`) {
			t.Fatalf("reply mail without the brand: %s", htm)
		}
		_ = ticket.Reply
	})
}
