package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestSettingsFields(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.getAs("agent", "/settings/fields", http.StatusForbidden)
		e.postAs("agent", "/settings/fields", url.Values{"name": {"x"}, "label": {"X"}, "type": {"text"}}, http.StatusForbidden)
		expect(t, "empty", e.getAs("admin", "/settings/fields", http.StatusOK), []string{"No fields yet", `href="/settings/fields" aria-current="page"`}, nil)
		body := e.postAs("admin", "/settings/fields", url.Values{"name": {"Return Reason"}, "label": {""}, "type": {"choice"},
			"options": {"Refund\nRefund"}, "position": {"ten"}}, http.StatusUnprocessableEntity)
		expect(t, "refused", body, []string{`id="position-error">Write the position as a whole number`}, nil)
		body = e.postAs("admin", "/settings/fields", url.Values{"name": {"Return Reason"}, "label": {""}, "type": {"choice"},
			"options": {"Refund\n\nRefund"}}, http.StatusUnprocessableEntity)
		expect(t, "every problem", body, []string{`id="name-error">Must start with a letter`, `id="label-error">Is required.`,
			`id="options-error">Line 2: &#34;Refund&#34; is listed twice.`, `value="Return Reason"`}, nil)
		e.postAs("admin", "/settings/fields", url.Values{"name": {"reason"}, "label": {"Return reason"}, "type": {"choice"},
			"options": {"Refund\nExchange\n"}, "on_card": {"true"}, "help": {"What they want"}}, http.StatusSeeOther)
		expect(t, "listed", e.getAs("admin", "/settings/fields", http.StatusOK), []string{`<a href="/settings/fields/1">Return reason</a>`,
			`<code>reason</code>`, "Single choice", "All pipelines", "Shown"}, nil)
		tk := e.open("Kettle", 0, "")
		if _, err := e.s.Tickets.Update(context.Background(), tk.ID, ticketPatchCustom(map[string]any{"reason": "Refund"})); err != nil {
			t.Fatal(err)
		}
		body = e.postAs("admin", "/settings/fields/1", url.Values{"label": {"Why"}, "type": {"text"}}, http.StatusUnprocessableEntity)
		expect(t, "type kept", body, []string{`id="type-error">Return reason holds values on 1 ticket; a field that holds values cannot change type.`}, nil)
		body = e.postAs("admin", "/settings/fields/1", url.Values{"label": {"Why"}, "type": {"choice"}, "options": {"Exchange"}}, http.StatusUnprocessableEntity)
		expect(t, "option kept", body, []string{`&#34;Refund&#34; is chosen on 1 ticket`}, nil)
		e.postAs("admin", "/settings/fields/1", url.Values{"label": {"Why"}, "type": {"choice"}, "options": {"Refund\nExchange\nRepair"},
			"name": {"sneaky"}}, http.StatusSeeOther)
		expect(t, "edited", e.getAs("admin", "/settings/fields/1?done=field-saved", http.StatusOK),
			[]string{"Field saved.", `<code>reason</code>`, "Refund\nExchange\nRepair</textarea>", `data-confirm="Delete the field “Why”`}, nil)
		if _, err := d.Write.Exec(`INSERT INTO status_required (status_id, property) SELECT id, 'reason' FROM statuses WHERE name = 'Closed'`); err != nil {
			t.Fatal(err)
		}
		body = e.postAs("admin", "/settings/fields/1/delete", url.Values{}, http.StatusConflict)
		expect(t, "required", body, []string{"Why is required to enter status Closed (Support)"}, nil)
		if _, err := d.Write.Exec(`DELETE FROM status_required`); err != nil {
			t.Fatal(err)
		}
		e.postAs("admin", "/settings/fields/1/delete", url.Values{}, http.StatusSeeOther)
		expect(t, "deleted", e.getAs("admin", "/settings/fields?done=field-deleted", http.StatusOK), []string{"Field deleted", "No fields yet"}, nil)
	})
}
