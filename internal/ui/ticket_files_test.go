package ui_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// postFiles sends the composer as a browser does, with files.
func (e *env) postFiles(path string, fields map[string]string, files map[string]string) (*http.Response, string) {
	e.t.Helper()
	c := e.client("agent")
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("_csrf", e.csrf(c, "/inbox"))
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	for name, content := range files {
		fw, _ := w.CreateFormFile("files", name)
		_, _ = fw.Write([]byte(content))
	}
	w.Close()
	return e.do(c, http.MethodPost, path, nil, map[string]string{"Content-Type": w.FormDataContentType(), "body": buf.String()})
}

func TestComposerAttachesFiles(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Printer jam", 0, "")
		page := fmt.Sprintf("/tickets/%d", tk.Number)
		res, body := e.postFiles(page+"/messages", map[string]string{"kind": "note", "body": "Log attached"},
			map[string]string{"page.html": "<script>parent.__pwned=1</script>"})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "page.html” is not a kind of file we accept") {
			t.Errorf("an HTML page: %d, want 422 naming the file: %s", res.StatusCode, body)
		}
		res, body = e.postFiles(page+"/messages", map[string]string{"kind": "note", "body": "Log attached"},
			map[string]string{"<img src=x onerror=alert(1)>.txt": "parent.__pwned=1"})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("post with a file: %d %s", res.StatusCode, body)
		}
		_, body = e.do(e.client("agent"), http.MethodGet, page, nil, nil)
		link := regexp.MustCompile(`href="(/files/\d+/[^"]+)" download`).FindStringSubmatch(body)
		if link == nil || !strings.Contains(body, "&lt;img src=x onerror=alert(1)&gt;.txt") {
			t.Fatalf("the thread does not list the file, escaped: %s", body)
		}
		res, content := e.do(e.client("agent"), http.MethodGet, link[1], nil, nil)
		if res.StatusCode != http.StatusOK || content != "parent.__pwned=1" {
			t.Fatalf("download: %d %q", res.StatusCode, content)
		}
		if ct, cd := res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"); ct != "application/octet-stream" ||
			!strings.HasPrefix(cd, "attachment;") || !strings.Contains(res.Header.Get("Content-Security-Policy"), "sandbox") {
			t.Errorf("an HTML file must download, sandboxed: type %q disposition %q", ct, cd)
		}
		if res, _ := e.do(e.client(""), http.MethodGet, link[1], nil, nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("a file without a session: %d, want the sign-in redirect", res.StatusCode)
		}
		many := map[string]string{}
		for i := range 11 {
			many[fmt.Sprintf("f%d.txt", i)] = "x"
		}
		res, body = e.postFiles(page+"/messages", map[string]string{"kind": "reply", "body": "Too many"}, many)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Attach at most 10 files") ||
			!strings.Contains(body, "Too many") {
			t.Errorf("eleven files: %d, want 422 with the reason and the text kept", res.StatusCode)
		}
	})
}

func TestRelinkMovesTicketToAnotherCustomer(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Shared inbox mail", 0, "")
		path := fmt.Sprintf("/tickets/%d/contact", tk.Number)
		res, body := e.post(path, url.Values{"email": {"not an address"}}, true)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "not an address") ||
			!strings.Contains(body, `id="relink-error"`) {
			t.Fatalf("bad address: %d, want 422 with the error and the typed value", res.StatusCode)
		}
		if res, _ := e.post(path, url.Values{"email": {"grace@example.com"}}, false); res.StatusCode != http.StatusForbidden {
			t.Errorf("without CSRF: %d", res.StatusCode)
		}
		if err := ticket.AddParticipants(context.Background(), d.Write, tk.ID,
			[]ticket.Participant{{Email: "colleague@example.com"}}); err != nil {
			t.Fatal(err)
		}
		if res, body := e.post(path, url.Values{"email": {"Grace@Example.com"}}, true); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("relink: %d %s", res.StatusCode, body)
		}
		got, _ := e.s.Tickets.Get(context.Background(), tk.ID)
		if got.Contact.Email != "grace@example.com" || got.Contact.ID == tk.Contact.ID {
			t.Fatalf("contact after relink = %+v", got.Contact)
		}
		if got.PublicURL == tk.PublicURL {
			t.Error("the public link stayed the same for the new customer")
		}
		_, body = e.do(e.client("agent"), http.MethodGet, fmt.Sprintf("/tickets/%d", tk.Number), nil, nil)
		if !strings.Contains(body, "grace@example.com") {
			t.Error("the customer card does not show the new customer")
		}
		if want := "renewed the public link: the customer changed from " + tk.Contact.Name + " to grace@example.com"; !strings.Contains(body, want) {
			t.Errorf("the history lacks %q", want)
		}
		if want := "no longer copied: colleague@example.com"; !strings.Contains(body, want) {
			t.Errorf("the history does not say who lost the copies: lacks %q", want)
		}
		again, _ := e.post(path, url.Values{"email": {tk.Contact.Email}}, true)
		back, _ := e.s.Tickets.Get(context.Background(), tk.ID)
		if again.StatusCode != http.StatusSeeOther || back.Contact.ID != tk.Contact.ID {
			t.Errorf("relinking to an existing address must reuse its contact: %+v", back.Contact)
		}
	})
}

// The operator's composer passes the customers' checks of each file: a
// program is refused by its name or its content, whatever it is called,
// the file named in the message and the typed text kept; nothing is
// added to the thread.
func TestComposerRefusesPrograms(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		tk := e.open("Driver update", 0, "")
		page := fmt.Sprintf("/tickets/%d", tk.Number)
		before, _ := e.s.Tickets.Messages(context.Background(), tk.ID, false)
		for _, p := range []struct{ name, content, want string }{
			{"photo.png", "MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode", "looks like a program"},
			{"invoice.pdf.exe", "%PDF-1.4 not really", "looks like a program"},
			{"notes.txt", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "looks like a program"},
			{"holiday.png", "plain words, no picture", "is named like a PNG image but its content is something else"},
		} {
			res, body := e.postFiles(page+"/messages", map[string]string{"kind": "reply", "body": "Here is the driver"},
				map[string]string{p.name: p.content})
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, p.name+"” "+p.want) ||
				!strings.Contains(body, "Here is the driver") {
				t.Errorf("%s: %d, want 422 with %q and the text kept", p.name, res.StatusCode, p.want)
			}
		}
		if after, _ := e.s.Tickets.Messages(context.Background(), tk.ID, false); len(after) != len(before) {
			t.Errorf("refused posts added %d messages", len(after)-len(before))
		}
	})
}
