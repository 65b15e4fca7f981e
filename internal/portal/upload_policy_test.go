package portal_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// sentFile is a file as a browser posts it, with the type its sender
// declares (which the server must not believe).
type sentFile struct{ part, name, ctype, content string }

// multipartPost builds a request carrying values and files.
func multipartPost(t *testing.T, path string, values map[string]string, files ...sentFile) *http.Request {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range values {
		_ = mw.WriteField(k, v)
	}
	for _, f := range files {
		h := textproto.MIMEHeader{}
		quote := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, quote(f.part), quote(f.name)))
		h.Set("Content-Type", f.ctype)
		w, err := mw.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(f.content))
	}
	_ = mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// programs are files that must never reach an operator or a customer,
// whatever they are called or declared as.
var programs = []struct{ name, ctype, content, want string }{
	{"photo.png", "image/png", "MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode", "looks like a program"},
	{"invoice.pdf.exe", "application/pdf", "%PDF-1.4 not really", "looks like a program"},
	{"notes.txt", "text/plain", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "looks like a program"},
	{"holiday.png", "image/png", "plain words, no picture", "is named like a PNG image but its content is something else"},
}

// Every path a customer attaches files through refuses a program, by
// name and by content, with the file named in the message, and keeps
// nothing of the submission: the public page's comment, the website
// form, the widget's new ticket and the widget's answer. (The
// operator's composer: ui.TestComposerRefusesPrograms.)
func TestCustomerPathsRefusePrograms(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		publish(t, e, form.Field{Name: "shot", Target: form.Extra, Type: form.File, Label: "Screenshot"})
		wh := widgetHandler(t, e, false)
		tk := e.ticket("Printer smokes", "Petra")
		before := len(e.thread(tk.ID))
		ctx := context.Background()
		for _, p := range programs {
			f := sentFile{"files", p.name, p.ctype, p.content}
			// The public page: the comment is shown again with the reason.
			v := e.visit(tk.PublicToken)
			req := multipartPost(t, "/t/"+tk.PublicToken+"/comments", map[string]string{"_form": v.form, "body": "See attached"}, f)
			req.AddCookie(v.cookie)
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			rec := serve(e.h, req)
			contains(t, rec.Body.String(), []string{p.name + "” " + p.want, ">See attached</textarea>"}, nil)
			// The website form: the form again, as typed, the reason beside the file field.
			page := e.get("/support/support").Body.String()
			tok := formToken.FindStringSubmatch(page)
			values := map[string]string{"email": "petra@example.com", "subject": "Smoke", "description": "It smokes."}
			values["_form"] = tok[1]
			f.part = "shot"
			req = multipartPost(t, "/support/support", values, f)
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			rec = serve(e.h, req)
			if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), p.name+"” "+p.want) {
				t.Errorf("website form, %s: %d, want 422 with %q", p.name, rec.Code, p.want)
			}
			// The widget, opening a ticket and answering one.
			b, _ := json.Marshal(map[string]string{"email": "petra@example.com", "subject": "Smoke", "message": "It smokes."})
			req = multipartPost(t, "/widget/v1/support/tickets", map[string]string{"payload": string(b)}, f)
			req.Header.Set("Origin", hostOrigin)
			widgetRefused(t, serve(wh, req), "widget ticket, "+p.name, "shot", p.name+"” "+p.want)
			f.part = "files"
			req = multipartPost(t, "/widget/v1/support/t/"+tk.PublicToken+"/messages", map[string]string{"payload": `{"body":"See attached"}`}, f)
			req.Header.Set("Origin", hostOrigin)
			widgetRefused(t, serve(wh, req), "widget answer, "+p.name, "files", p.name+"” "+p.want)
		}
		if n := len(e.thread(tk.ID)); n != before {
			t.Errorf("refused comments and answers added %d messages", n-before)
		}
		if page, _ := e.s.Tickets.List(ctx, ticket.Filter{Limit: 10}); len(page.Items) != 1 {
			t.Errorf("refused submissions opened %d tickets", len(page.Items)-1)
		}
	})
}

func widgetRefused(t *testing.T, rec *httptest.ResponseRecorder, what, part, want string) {
	t.Helper()
	out := map[string]any{}
	_ = json.Unmarshal(rec.Body.Bytes(), &out)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(fieldError(out, part), want) {
		t.Errorf("%s: %d %s, want 422 with %q beside %s", what, rec.Code, rec.Body.String(), want, part)
	}
}

// A file name that would read differently than it is (a right-to-left
// override turning "fdp.exe" around, zero-width and invisible marks) is
// stored and shown without them, on the public page and in the widget;
// the stored type is what the content is, not what the browser said.
func TestFileNamesShownClean(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		wh := widgetHandler(t, e, false)
		tk := e.ticket("Scan attached", "Bo")
		v := e.visit(tk.PublicToken)
		dirty := "in\u200bvoice\u202Efdp\u2066\u00ad\ufeff.pdf"
		req := multipartPost(t, "/t/"+tk.PublicToken+"/comments", map[string]string{"_form": v.form, "body": "Scan"},
			sentFile{"files", dirty, "application/x-msdownload", "%PDF-1.7 the scan"})
		req.AddCookie(v.cookie)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		if rec := serve(e.h, req); rec.Code != http.StatusSeeOther {
			t.Fatalf("comment with a PDF: %d %s", rec.Code, rec.Body.String())
		}
		page := e.get("/t/" + tk.PublicToken).Body.String()
		contains(t, page, []string{"invoicefdp.pdf"}, []string{"\u202E", "\u200b", "\u2066", "\u00ad", "\ufeff"})
		rec := httptest.NewRecorder()
		req = httptest.NewRequest(http.MethodGet, "/widget/v1/support/t/"+tk.PublicToken, nil)
		req.Header.Set("Origin", hostOrigin)
		wh.ServeHTTP(rec, req)
		if body := rec.Body.String(); !strings.Contains(body, `"name":"invoicefdp.pdf"`) {
			t.Errorf("the widget shows the name %s", body)
		}
		msgs := e.thread(tk.ID)
		last := msgs[len(msgs)-1]
		if len(last.Attachments) != 1 || last.Attachments[0].ContentType != "application/pdf" {
			t.Errorf("stored %+v, want one file of type application/pdf", last.Attachments)
		}
	})
}

// A mail's attachment whose name hides a direction override is stored
// and shown clean too, on the customer's public page.
func TestMailAttachmentNamesShownClean(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		raw := "From: Ann <ann@example.com>\r\nTo: support@localhost\r\nSubject: Invoice\r\n" +
			"Message-ID: <rlo-1@example.com>\r\nMIME-Version: 1.0\r\n" +
			"Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
			"--b\r\nContent-Type: application/pdf\r\n" +
			"Content-Disposition: attachment; filename*=UTF-8''invoice%E2%80%AEfdp%E2%80%8B.exe\r\n" +
			"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQ=\r\n--b--\r\n"
		a, err := e.s.Mail.Accept(ctx, []byte(raw), inbound.Source{Kind: inbound.SourceImport})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Mail.Process(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		page, _ := e.s.Tickets.List(ctx, ticket.Filter{Limit: 1})
		if len(page.Items) != 1 {
			t.Fatalf("the mail opened %d tickets", len(page.Items))
		}
		body := e.get("/t/" + page.Items[0].PublicToken).Body.String()
		contains(t, body, []string{"invoicefdp.exe"}, []string{"\u202E", "\u200B"})
	})
}
