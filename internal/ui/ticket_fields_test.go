package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// defineFields makes the fields the UI tests use: a choice on cards, a
// number, a multiple choice and a checkbox.
func (e *env) defineFields() {
	e.t.Helper()
	for _, in := range []field.Input{
		{Name: "reason", Label: "Return reason", Help: "What the customer wants", Type: field.Choice,
			Options: []string{"Refund", "Exchange"}, OnCard: true},
		{Name: "amount", Label: "Refund amount", Type: field.Number},
		{Name: "parts", Label: "Parts", Type: field.MultiChoice, Options: []string{"Lid", "Cord"}},
		{Name: "vip", Label: "VIP customer", Type: field.Checkbox},
	} {
		if _, err := e.s.Fields.Create(context.Background(), in); err != nil {
			e.t.Fatal(err)
		}
	}
}

func TestTicketFieldsCard(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.defineFields()
		tk := e.open("Kettle leaks", 0, "")
		page := fmt.Sprintf("/tickets/%d", tk.Number)
		expect(t, "empty card", e.get(page, http.StatusOK), []string{`id="custom-heading">Fields`, `<label for="cf-reason">Return reason</label>`,
			`<p class="hint" id="cf-reason-hint">What the customer wants</p>`, `<option value="" selected>Not set</option>`,
			`<legend>Parts</legend>`, `inputmode="decimal" id="cf-amount"`, `type="checkbox" id="cf-vip" name="cf-vip" value="true"`}, nil)
		all := []string{"reason", "amount", "parts", "vip"}
		res, body := e.post(page+"/fields", url.Values{"cf": all, "cf-reason": {"Refund"}, "cf-amount": {"twelve"},
			"cf-parts": {"Cord"}, "cf-vip": {"true"}}, true)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("bad number: %d", res.StatusCode)
		}
		expect(t, "bad number", body, []string{`<p class="field-error" id="cf-amount-error">Refund amount must be a number, such as 12 or 12.5.</p>`,
			`value="twelve"`, `<option value="Refund" selected>Refund</option>`, `value="Cord" checked`, `id="cf-vip" name="cf-vip" value="true" checked`}, nil)
		if got, _ := e.s.Tickets.Get(context.Background(), tk.ID); got.Custom["reason"] != nil {
			t.Fatalf("a refused card wrote %v", got.Custom)
		}
		res, _ = e.post(page+"/fields", url.Values{"cf": all, "cf-reason": {"Refund"}, "cf-amount": {"12.50"},
			"cf-parts": {"Cord", "Lid"}, "cf-vip": {"true"}}, true)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", res.StatusCode)
		}
		expect(t, "saved", e.get(page, http.StatusOK), []string{`<option value="Refund" selected>Refund</option>`, `value="12.5"`,
			`value="Lid" checked`, `set Return reason to Refund`, `set Refund amount to 12.5`, `set Parts to Lid, Cord`, `ticked VIP customer`}, nil)
		e.post(page+"/fields", url.Values{"cf": all, "cf-reason": {""}, "cf-amount": {"12.5"}, "cf-parts": {"Cord", "Lid"}}, true)
		expect(t, "cleared", e.get(page, http.StatusOK), []string{`cleared Return reason (was Refund)`, `unticked VIP customer`}, nil)
		res, _ = e.post(page+"/fields", url.Values{"cf": all}, false)
		if res.StatusCode != http.StatusForbidden {
			t.Fatalf("no csrf: %d", res.StatusCode)
		}
	})
}

func ticketPatchCustom(values map[string]any) ticket.Patch { return ticket.Patch{Custom: values} }

func fieldInput(name, label string) field.Input {
	return field.Input{Name: name, Label: label, Type: field.Text}
}
