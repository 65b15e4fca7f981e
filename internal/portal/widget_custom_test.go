package portal_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// TestWidgetFillsCustomFields: the widget's answer to a form field that
// fills a custom field is checked by the field's type, and a refusal is
// put beside that form field.
func TestWidgetFillsCustomFields(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		if _, err := e.s.Fields.Create(context.Background(), field.Input{Name: "amount", Label: "Refund amount", Type: field.Number}); err != nil {
			t.Fatal(err)
		}
		h := widgetHandler(t, e, false)
		publish(t, e, form.Field{Name: "how_much", Target: "custom.amount", Type: form.Text, Label: "How much?"})
		in := func(v string) map[string]any {
			return map[string]any{"email": "kim@example.com", "subject": "Refund", "message": "Please.",
				"fields": []map[string]string{{"name": "how_much", "value": v}}}
		}
		code, out, _ := call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, in("a lot"))
		if code != http.StatusUnprocessableEntity || fieldError(out, "how_much") != "must be a number, such as 12 or 12.5" {
			t.Fatalf("bad number: %d %v", code, out)
		}
		code, out, _ = call(t, h, "POST", "/widget/v1/support/tickets", hostOrigin, in("12.50"))
		if code != http.StatusCreated {
			t.Fatalf("open: %d %v", code, out)
		}
		tk, _ := e.s.Tickets.ByToken(context.Background(), out["token"].(string))
		full, _ := e.s.Tickets.Get(context.Background(), tk.ID)
		if got, _ := json.Marshal(full.Custom); string(got) != `{"amount":12.5}` {
			t.Errorf("ticket fields %s", got)
		}
	})
}
