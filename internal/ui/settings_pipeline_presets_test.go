package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A pipeline's page switches HubSpot's ready rules: admins only, with the
// CSRF token; a status the pipeline lacks is refused on its row; a saved
// rule shows switched on there and is listed with the other rules; the
// team's received and closed mails switch there too.
func TestSettingsPipelinePresets(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		on := url.Values{"enabled": {"true"}, "status": {"Waiting"}}
		e.postAs("agent", "/settings/pipelines/1/presets/answer_sent_status", on, http.StatusForbidden)
		res, _ := e.do(e.client("admin"), http.MethodPost, "/settings/pipelines/1/presets/answer_sent_status", on, nil)
		if res.StatusCode != http.StatusForbidden {
			t.Fatalf("a preset without the CSRF token: %d, want 403", res.StatusCode)
		}
		expect(t, "the pipeline's automation", e.getAs("admin", "/settings/pipelines/1", http.StatusOK),
			[]string{"When an answer is mailed to the customer, set the status", "When the customer replies, set the status",
				"When a ticket enters a status, notify", "The received mail, when a ticket comes in", `name="received" value="1" checked`},
			[]string{`id="preset-answer_sent_status-on" name="enabled" value="true" checked`})

		body := e.postAs("admin", "/settings/pipelines/1/presets/answer_sent_status",
			url.Values{"enabled": {"true"}, "status": {"<b>Limbo</b>"}}, http.StatusUnprocessableEntity)
		expect(t, "refused", body, []string{`No status &#34;&lt;b&gt;Limbo&lt;/b&gt;&#34; in the rule&#39;s pipeline`,
			`id="preset-answer_sent_status-on" name="enabled" value="true" checked`}, []string{"<b>Limbo</b>"})

		e.postAs("admin", "/settings/pipelines/1/presets/answer_sent_status", on, http.StatusSeeOther)
		expect(t, "switched on", e.getAs("admin", "/settings/pipelines/1?done=automation-saved", http.StatusOK),
			[]string{"Automation saved.", `id="preset-answer_sent_status-on" name="enabled" value="true" checked`,
				`<option value="Waiting" selected>`, "Open as a rule"}, nil)
		expect(t, "listed", e.getAs("admin", "/settings/automations", http.StatusOK),
			[]string{"Answered: wait for the customer"}, nil)

		e.postAs("admin", "/settings/pipelines/1/presets/mail", url.Values{"received": {"1"}}, http.StatusSeeOther)
		expect(t, "closed mail off", e.getAs("admin", "/settings/pipelines/1", http.StatusOK),
			[]string{`name="received" value="1" checked`, `name="closed" value="1">`}, nil)
	})
}
