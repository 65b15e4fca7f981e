package portal_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A host page loads /widget.js from another site: it must come back as
// JavaScript (browsers refuse a script with a wrong type under nosniff),
// cached briefly and revalidated, not fingerprinted forever.
func TestWidgetScriptServed(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		res := e.get("/widget.js")
		if res.Code != http.StatusOK {
			t.Fatalf("GET /widget.js: %d", res.Code)
		}
		h := res.Header()
		for k, want := range map[string]string{"Content-Type": "text/javascript; charset=utf-8",
			"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"} {
			if h.Get(k) != want {
				t.Errorf("%s: %q, want %q", k, h.Get(k), want)
			}
		}
		body := res.Body.String()
		for _, want := range []string{"attachShadow", "/widget/v1/", "Frontdesk"} {
			if !strings.Contains(body, want) {
				t.Errorf("the script lacks %q", want)
			}
		}
		if strings.Contains(body, "innerHTML") || strings.Contains(body, "insertAdjacentHTML") {
			t.Error("the widget must build its DOM from text, never from HTML strings")
		}
		req := httptest.NewRequest("GET", "/widget.js", nil)
		req.Header.Set("If-None-Match", h.Get("ETag"))
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, req.WithContext(context.Background()))
		if rec.Code != http.StatusNotModified {
			t.Errorf("revalidation with the ETag: %d, want 304", rec.Code)
		}
	})
}

// The widget sends the team's extra form fields by name; the ticket
// keeps them under the form's labels, and a priority field's word sets
// the priority.
func TestWidgetOpenKeepsFormFields(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		publish(t, e, form.Field{Name: "last_name", Target: form.LastName, Type: form.Text, Label: "Last name"},
			form.Field{Name: "priority", Target: form.Priority, Type: form.Select, Label: "How urgent?"},
			form.Field{Name: "order", Target: form.Extra, Type: form.Text, Label: "Order number"})
		code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, map[string]any{
			"email": "kim@example.com", "name": "Kim", "last_name": "Lee", "subject": "Order late",
			"message": "Where is it?", "priority": "High",
			"fields": []map[string]string{{"name": "order", "label": "Order number", "value": "A-1042"}}})
		if code != http.StatusCreated {
			t.Fatalf("open: %d %v", code, out)
		}
		tk, err := e.s.Tickets.ByToken(context.Background(), out["token"].(string))
		if err != nil {
			t.Fatal(err)
		}
		fields, err := e.s.Tickets.Fields(context.Background(), tk.ID)
		if err != nil || len(fields) != 1 || fields[0].Label != "Order number" || fields[0].Value != "A-1042" {
			t.Errorf("fields %v, %v", fields, err)
		}
		if tk.Priority != 2 || tk.Contact.LastName != "Lee" {
			t.Errorf("priority %d, last name %q: want 2 and Lee", tk.Priority, tk.Contact.LastName)
		}
		code, out, _ = call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, map[string]any{
			"email": "kim@example.com", "subject": "x", "message": "y", "priority": "Whenever",
			"fields": []map[string]string{{"label": "", "value": "no label"}}})
		errs, _ := out["error"].(map[string]any)
		fs, _ := errs["fields"].(map[string]any)
		if code != http.StatusUnprocessableEntity || fs["priority"] == nil || fs["fields[0]"] == nil {
			t.Errorf("bad priority and an unlabelled field: %d %v", code, out)
		}
	})
}
