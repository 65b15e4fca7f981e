package portal_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// The widget opens tickets with the team's published form only: a
// visitor cannot set a priority the form does not ask, invent a field
// or its label, skip a required field or pick a value not offered. Each
// mistake comes back beside its field.
func TestWidgetObeysTheForm(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		ctx := context.Background()
		publish(t, e, form.Field{Name: "plan", Target: form.Extra, Type: form.Select, Label: "Plan", Options: []string{"Free", "Pro"}},
			form.Field{Name: "order", Target: form.Extra, Type: form.Text, Label: "Order number", Required: true})
		base := func(extra map[string]any) map[string]any {
			in := map[string]any{"email": "kim@example.com", "subject": "Order late", "message": "Where is it?",
				"fields": []map[string]string{{"name": "order", "label": "Order number", "value": "A-1042"}}}
			for k, v := range extra {
				in[k] = v
			}
			return in
		}
		for name, c := range map[string]struct {
			in    map[string]any
			field string
		}{
			"a priority the form does not ask": {base(map[string]any{"priority": "Urgent"}), "priority"},
			"an invented field": {base(map[string]any{"fields": []map[string]string{{"name": "order", "value": "A-1"},
				{"name": "vip", "label": "VIP customer", "value": "yes"}}}), "fields[1]"},
			"a required field left out": {base(map[string]any{"fields": []map[string]string{}}), "order"},
			"a value not offered": {base(map[string]any{"fields": []map[string]string{{"name": "order", "value": "A-1"},
				{"name": "plan", "value": "Enterprise"}}}), "plan"},
		} {
			code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, c.in)
			if code != http.StatusUnprocessableEntity || fieldError(out, c.field) == "" {
				t.Errorf("%s: %d %v, want 422 with a message beside %s", name, code, out, c.field)
			}
		}
		if page, _ := e.s.Tickets.List(ctx, ticket.Filter{Limit: 10}); len(page.Items) != 0 {
			t.Fatalf("refused posts opened %d tickets", len(page.Items))
		}
		// A real field under a label of the visitor's choosing keeps the form's label.
		code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, base(map[string]any{
			"fields": []map[string]string{{"name": "order", "label": "Refund approved by", "value": "A-1042"}}}))
		if code != http.StatusCreated {
			t.Fatalf("open: %d %v", code, out)
		}
		tk, _ := e.s.Tickets.ByToken(ctx, out["token"].(string))
		fields, _ := e.s.Tickets.Fields(ctx, tk.ID)
		if len(fields) != 1 || fields[0].Label != "Order number" || fields[0].Value != "A-1042" || tk.Priority != 0 {
			t.Errorf("fields %v, priority %d: want the form's label and no priority", fields, tk.Priority)
		}
	})
}

// The widget's answers and the public page's files are never kept by a
// cache: they carry tickets and their tokens.
func TestWidgetAndFileAnswersAreNotCached(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		h := widgetHandler(t, e, false)
		tk := e.ticket("Cached?", "Cora")
		e.message(tk.ID, ticket.Reply, "Here is the form.", "form.pdf", "%PDF-1.4 form")
		page := e.get("/t/" + tk.PublicToken).Body.String()
		ids := fileIDs(page)
		if len(ids) != 1 {
			t.Fatalf("the page lists files %v", ids)
		}
		file := e.get("/t/" + tk.PublicToken + "/files/" + ids[0])
		_, _, hdr := call(t, h, "GET", "/widget/v1/support/t/"+tk.PublicToken, hostOrigin, nil)
		for what, got := range map[string]string{"the file": file.Header().Get("Cache-Control"),
			"the widget's thread": hdr.Get("Cache-Control")} {
			if got != "no-store" {
				t.Errorf("%s: Cache-Control %q, want no-store", what, got)
			}
		}
	})
}
