package portal_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/portal"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// widgetUpload posts the widget's JSON as the "payload" part with files beside
// it, each {part name, file name, content}.
func widgetUpload(t *testing.T, h http.Handler, path string, payload any, files ...[3]string) (int, map[string]any) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	b, _ := json.Marshal(payload)
	_ = mw.WriteField("payload", string(b))
	for _, f := range files {
		fw, err := mw.CreateFormFile(f[0], f[1])
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write([]byte(f[2]))
	}
	_ = mw.Close()
	req := httptest.NewRequest("POST", path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", hostOrigin)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	out := map[string]any{}
	_ = json.Unmarshal(rec.Body.Bytes(), &out)
	return rec.Code, out
}

// fieldError is the message the widget shows beside a field.
func fieldError(out map[string]any, name string) string {
	e, _ := out["error"].(map[string]any)
	f, _ := e["fields"].(map[string]any)
	s, _ := f[name].(string)
	return s
}

func TestWidgetFiles(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		publish(t, e, form.Field{Name: "scan", Target: form.Extra, Type: form.File, Label: "Scan"})
		ctx := context.Background()
		open := map[string]any{"email": "anon@example.com", "subject": "Broken invoice", "message": "See the scan"}
		code, out := widgetUpload(t, h, "/widget/v1/support/tickets", open, [3]string{"scan", "invoice scan.pdf", "%PDF-1.4 scan"})
		if code != http.StatusCreated {
			t.Fatalf("open with a file: %d %v", code, out)
		}
		token := out["token"].(string)
		tk, _ := e.s.Tickets.ByToken(ctx, token)
		msgs, err := e.s.Tickets.Messages(ctx, tk.ID, true)
		if err != nil || len(msgs) != 1 || len(msgs[0].Attachments) != 1 || msgs[0].Attachments[0].Filename != "invoice scan.pdf" {
			t.Fatalf("the first message's files: %+v %v", msgs, err)
		}

		thread := "/widget/v1/support/t/" + token + "/messages"
		code, out = widgetUpload(t, h, thread, map[string]any{"body": ""}, [3]string{"files", "steps.txt", "1. open 2. print"})
		if code != http.StatusOK {
			t.Fatalf("answer with only a file: %d %v", code, out)
		}
		e.message(tk.ID, ticket.Note, noteText, "internal.txt", "NOTE FILE")
		code, out, _ = call(t, h, "GET", "/widget/v1/support/t/"+token, hostOrigin, nil)
		b, _ := json.Marshal(out)
		if code != http.StatusOK || strings.Contains(string(b), "internal.txt") {
			t.Errorf("the thread shows a note's file: %d %s", code, b)
		}
		ms := out["messages"].([]any)
		last := ms[len(ms)-1].(map[string]any)["files"].([]any)[0].(map[string]any)
		if last["name"] != "steps.txt" {
			t.Fatalf("the answer's file in the thread: %v", last)
		}
		if rec := e.get(last["path"].(string)); rec.Code != http.StatusOK || rec.Body.String() != "1. open 2. print" {
			t.Errorf("download %s: %d %q", last["path"], rec.Code, rec.Body.String())
		}

		before, _ := e.s.Tickets.List(ctx, ticket.Filter{Limit: 100})
		for name, c := range map[string]struct {
			path, part, file, content, want string
		}{
			"over the limit":         {"/widget/v1/support/tickets", "scan", "big.pdf", strings.Repeat("x", portal.MaxFileSize+1), "too large"},
			"a program renamed":      {"/widget/v1/support/tickets", "scan", "setup.pdf", "MZ\x90\x00 program", "program"},
			"an executable":          {"/widget/v1/support/tickets", "scan", "setup.exe", "MZ\x90\x00 program", "setup.exe” looks like a program"},
			"a program in an answer": {thread, "files", "run.txt", "#!/bin/sh\nrm -rf /", "program"},
		} {
			payload := any(open)
			if c.path == thread {
				payload = map[string]any{"body": "and this"}
			}
			code, out := widgetUpload(t, h, c.path, payload, [3]string{c.part, c.file, c.content})
			if code != http.StatusUnprocessableEntity || !strings.Contains(fieldError(out, c.part), c.want) {
				t.Errorf("%s: %d %v, want 422 with %q beside %s", name, code, out, c.want, c.part)
			}
		}
		forged := signed(t, "u-1")
		forged.ExternalID = "u-2"
		forgedOpen := map[string]any{"identity": forged, "subject": "Forged", "message": "with a file"}
		if code, out := widgetUpload(t, h, "/widget/v1/support/tickets", forgedOpen, [3]string{"scan", "a.pdf", "%PDF"}); code != http.StatusForbidden {
			t.Errorf("forged identity with a file: %d %v", code, out)
		}
		after, _ := e.s.Tickets.List(ctx, ticket.Filter{Limit: 100})
		if len(after.Items) != len(before.Items) {
			t.Errorf("refused posts opened tickets: %d then %d", len(before.Items), len(after.Items))
		}
		if msgs, _ := e.s.Tickets.Messages(ctx, tk.ID, true); len(msgs) != 2 {
			t.Errorf("a refused answer was added: %d public messages, want 2", len(msgs))
		}
	})
}
