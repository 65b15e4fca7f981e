package portal_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TestFormFillsCustomFields: a form field can fill a custom ticket field,
// checked by the field's type on submit.
func TestFormFillsCustomFields(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newFormEnv(t, d)
		ctx := context.Background()
		for _, in := range []field.Input{
			{Name: "reason", Label: "Return reason", Type: field.Choice, Options: []string{"Refund", "Exchange"}},
			{Name: "amount", Label: "Refund amount", Type: field.Number},
			{Name: "vip", Label: "VIP", Type: field.Checkbox},
		} {
			if _, err := e.s.Fields.Create(ctx, in); err != nil {
				t.Fatal(err)
			}
		}
		fields := append(form.Default(),
			form.Field{Name: "why", Target: "custom.reason", Type: form.Text, Label: "Why?"},
			form.Field{Name: "how_much", Target: "custom.amount", Type: form.Textarea, Label: "How much?"},
			form.Field{Name: "vip", Target: "custom.vip", Label: "I am a VIP"})
		saved, err := e.s.Forms.Save(ctx, 1, fields)
		if err != nil {
			t.Fatal(err)
		}
		if why, _ := saved.Field("why"); why.Type != form.Select || strings.Join(why.Options, ",") != "Refund,Exchange" {
			t.Fatalf("a choice field's input: %+v", why)
		}
		if amount, _ := saved.Field("how_much"); amount.Type != form.Text {
			t.Fatalf("a number's input: %+v", amount)
		}
		_, err = e.s.Forms.Save(ctx, 1, append(form.Default(), form.Field{Name: "x", Target: "custom.nope", Type: form.Text, Label: "X"}))
		if testutil.Fields(err)["fields[4].target"] != "there is no ticket field named nope" {
			t.Fatalf("unknown custom field: %v", err)
		}
		bad := good(e.token())
		bad["why"], bad["how_much"] = "Refund", "a lot"
		res, body := e.post("", bad, nil, nil)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="f-how_much-error">Must be a number, such as 12 or 12.5.`) {
			t.Fatalf("bad number: %d %s", res.StatusCode, body)
		}
		ok := good(e.token())
		ok["why"], ok["how_much"], ok["vip"] = "Exchange", "12.50", "on"
		if res, body := e.post("", ok, nil, nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit: %d %s", res.StatusCode, body)
		}
		page, err := e.s.Tickets.List(ctx, ticket.Filter{})
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("%d tickets (%v)", len(page.Items), err)
		}
		got, _ := json.Marshal(page.Items[0].Custom)
		if string(got) != `{"amount":12.5,"reason":"Exchange","vip":true}` {
			t.Fatalf("ticket fields %s", got)
		}
	})
}
