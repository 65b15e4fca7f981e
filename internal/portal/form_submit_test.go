package portal_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestFormPageAndWhenItIsHidden(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		res, body := e.get("/support/support")
		if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Security-Policy"), "default-src 'none'") ||
			res.Header.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("form page: %d %v", res.StatusCode, res.Header)
		}
		formContains(t, "form", body, []string{`<label for="f-email">Email`, `data-show-if="f-plan"`, `enctype="multipart/form-data"`,
			`name="website"`, "&lt;script&gt;window.__pwned=1&lt;/script&gt;"}, []string{payload})
		css := mustRx(`href="(/static/form\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(body)
		if css == nil {
			t.Fatal("no stylesheet link")
		}
		if res, _ := e.get(css[1]); res.StatusCode != 200 {
			t.Errorf("stylesheet %s: %d", css[1], res.StatusCode)
		}
		for _, path := range []string{"/support/nope", "/support/1", "/widget/v1/nope/form"} {
			if res, body := e.get(path); res.StatusCode != 404 || strings.Contains(body, "Support") {
				t.Errorf("%s: %d %s", path, res.StatusCode, body)
			}
		}
		if err := e.s.Forms.SetPublished(context.Background(), 1, false); err != nil {
			t.Fatal(err)
		}
		if res, _ := e.get("/support/support"); res.StatusCode != 404 {
			t.Errorf("unpublished form: %d", res.StatusCode)
		}
		if res, _ := e.post("", good("x"), nil, nil); res.StatusCode != 404 {
			t.Errorf("post to an unpublished form: %d", res.StatusCode)
		}
	})
}

func TestSubmitErrorsKeepWhatWasTyped(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		v := map[string]string{"_form": e.token(), "first_name": payload, "email": "ada@", "subject": payload,
			"description": payload + "\nline two", "plan": "Pro", "order": payload}
		res, body := e.post("", v, nil, nil)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		formContains(t, "errors", body, []string{"Please correct the marked fields.",
			`<p class="pf-error" id="f-email-error">Please enter an email address like name@example.com.</p>`,
			`<p class="pf-error" id="f-seats-error">Please fill this in.</p>`, `value="ada@"`, `<option selected>Pro</option>`,
			"&lt;script&gt;window.__pwned=1&lt;/script&gt;\nline two</textarea>"}, []string{payload})
		if n := len(e.tickets()); n != 0 {
			t.Errorf("%d tickets after a refused post", n)
		}
	})
}

func TestSubmitOpensTicketWithExtrasAndFile(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		v := good(e.token())
		v["plan"], v["seats"], v["first_name"], v["order"] = payload, "12", payload, payload
		res, _ := e.post("", v, []file{{"shot", `..\evil<img src=x onerror=alert(1)>.png`, "\x89PNG\r\n\x1a\nfake"}}, nil)
		loc := res.Header.Get("Location")
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/support/support/sent?ticket=") {
			t.Fatalf("submit: %d %s", res.StatusCode, loc)
		}
		ts := e.tickets()
		if len(ts) != 1 {
			t.Fatalf("%d tickets", len(ts))
		}
		tk := ts[0]
		if tk.Channel != ticket.WebForm || tk.Subject != "Printer on fire" || tk.Contact.Email != "ada@example.com" {
			t.Errorf("ticket = %+v", tk)
		}
		fields, _ := e.s.Tickets.Fields(context.Background(), tk.ID)
		want := []ticket.Field{{Label: "Plan", Value: payload}, {Label: "Seats", Value: "12"}, {Label: "Order number", Value: payload}}
		if len(fields) != 3 || fields[0] != want[0] || fields[1] != want[1] || fields[2] != want[2] {
			t.Errorf("fields = %+v", fields)
		}
		msgs, _ := e.s.Tickets.Messages(context.Background(), tk.ID, true)
		if len(msgs) != 1 || len(msgs[0].Attachments) != 1 || msgs[0].Attachments[0].Filename != "evil<img src=x onerror=alert(1)>.png" ||
			msgs[0].Attachments[0].ContentType != "image/png" {
			t.Fatalf("messages = %+v", msgs)
		}
		if b, err := e.s.Blobs.ReadAll(msgs[0].Attachments[0].SHA256); err != nil || string(b) != "\x89PNG\r\n\x1a\nfake" {
			t.Errorf("stored file = %q %v", b, err)
		}
		_, body := e.get(loc)
		formContains(t, "sent page", body, []string{"#" + itoa(tk.Number), tk.PublicURL, `href="` + tk.PublicURL + `"`}, []string{payload})
	})
}

func TestHiddenFieldsAreDropped(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		v := good(e.token())
		v["seats"] = "99" // plan is empty, so seats is hidden
		if res, body := e.post("", v, nil, nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%d %s", res.StatusCode, body)
		}
		fields, _ := e.s.Tickets.Fields(context.Background(), e.tickets()[0].ID)
		for _, f := range fields {
			if f.Label == "Seats" {
				t.Errorf("hidden field kept: %+v", fields)
			}
		}
	})
}

func TestFilesRefused(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		cases := []struct{ name, body, msg string }{
			{"setup.exe", "MZ\x90\x00", "looks like a program"},
			{"invoice.pdf", "MZ\x90\x00 renamed program", "looks like a program"},
			{"notes.txt", "<html><script>alert(1)</script>", "its content is something else"},
			{"big.pdf", "%PDF" + strings.Repeat("x", 10<<20), "too large"},
		}
		for _, tc := range cases {
			res, body := e.post("", good(e.token()), []file{{"shot", tc.name, tc.body}}, nil)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, tc.msg) || !strings.Contains(body, `value="Printer on fire"`) {
				t.Errorf("%s: %d, want 422 with %q", tc.name, res.StatusCode, tc.msg)
			}
		}
		if n := len(e.tickets()); n != 0 {
			t.Errorf("%d tickets from refused files", n)
		}
	})
}

func TestSpamAndCrossSiteDefences(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		v := good(e.token())
		v["website"] = "http://spam.example"
		res, _ := e.post("", v, nil, nil)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/support/support/sent" {
			t.Errorf("honeypot: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		for name, hdr := range map[string]map[string]string{
			"fetch metadata": {"Sec-Fetch-Site": "cross-site"},
			"origin":         {"Origin": "https://evil.example"},
			"opaque origin":  {"Origin": "null"},
		} {
			if res, body := e.post("", good(e.token()), nil, hdr); res.StatusCode != http.StatusForbidden ||
				!strings.Contains(body, "can only be sent from its own page") {
				t.Errorf("%s: %d", name, res.StatusCode)
			}
		}
		for name, tok := range map[string]string{"no token": "", "forged": "1700000000.abcd", "stale": "1.x"} {
			v := good(tok)
			if res, body := e.post("", v, nil, nil); res.StatusCode != http.StatusForbidden ||
				!strings.Contains(body, `value="Printer on fire"`) || !strings.Contains(body, "open too long") {
				t.Errorf("%s: %d", name, res.StatusCode)
			}
		}
		if n := len(e.tickets()); n != 0 {
			t.Errorf("%d tickets from spam and cross-site posts", n)
		}
		same := map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": e.srv.URL}
		if res, _ := e.post("", good(e.token()), nil, same); res.StatusCode != http.StatusSeeOther {
			t.Errorf("same-origin post: %d", res.StatusCode)
		}
	})
}

func TestRateLimitPerAddress(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		bad := good(e.token())
		bad["email"] = "nope"
		for range 3 { // mistakes a person corrects do not count
			if res, _ := e.post("", bad, nil, nil); res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("bad post: %d", res.StatusCode)
			}
		}
		for i := range 5 {
			if res, _ := e.post("", good(e.token()), nil, nil); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("post %d: %d", i+1, res.StatusCode)
			}
		}
		res, body := e.post("", good(e.token()), nil, nil)
		if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "Please wait a few minutes") {
			t.Errorf("sixth post: %d %s", res.StatusCode, body)
		}
		if n := len(e.tickets()); n != 5 {
			t.Errorf("%d tickets, want 5", n)
		}
	})
}

func TestFormJSONForTheWidget(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		res, body := e.get("/widget/v1/support/form")
		if res.StatusCode != 200 || res.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%d %v", res.StatusCode, res.Header)
		}
		formContains(t, "json", body, []string{`"team":{"slug":"support","name":"Support","color":"#2563eb"}`,
			`{"name":"plan","target":"extra","type":"select","label":"Plan","required":false,"options":["Free","Pro","\u003cscript\u003ewindow.__pwned=1\u003c/script\u003e"]}`,
			`"show_if":"plan"`}, []string{"secret", payload})
	})
}

// A file's name is not something the sender typed: one with a tab in it
// is cleaned as every stored name is, not refused as a bad answer.
func TestFileNameWithATabIsCleaned(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		res, body := e.post("", good(e.token()), []file{{"shot", "screen\tshot.png", "\x89PNG\r\n\x1a\nfake"}}, nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("a file named with a tab: %d, refused as typed text: %v", res.StatusCode, strings.Contains(body, "type it again"))
		}
		msgs, _ := e.s.Tickets.Messages(context.Background(), e.tickets()[0].ID, true)
		if len(msgs) != 1 || len(msgs[0].Attachments) != 1 || msgs[0].Attachments[0].Filename != "screenshot.png" {
			t.Errorf("messages = %+v", msgs)
		}
	})
}
