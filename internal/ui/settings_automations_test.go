package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// The automations pages: admins only, CSRF on every form, a ready rule
// added switched off, a bad line refused on that line with the form kept,
// and a saved rule listed with its state.
func TestSettingsAutomations(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.getAs("agent", "/settings/automations", http.StatusForbidden)
		e.postAs("agent", "/settings/automations", url.Values{"name": {"x"}}, http.StatusForbidden)
		res, _ := e.do(e.client("admin"), http.MethodPost, "/settings/automations/presets",
			url.Values{"team": {"1"}, "preset": {"answer_sent_status"}}, nil)
		if res.StatusCode != http.StatusForbidden {
			t.Fatalf("a preset without the CSRF token: %d, want 403", res.StatusCode)
		}
		expect(t, "the team's mails", e.getAs("admin", "/settings/automations", http.StatusOK),
			[]string{"Mail the received template", "Mail the closed template", "Ready rules",
				`href="/settings/automations" aria-current="page"`}, []string{"No rules yet"})

		e.postAs("admin", "/settings/automations/presets", url.Values{"team": {"1"}, "preset": {"customer_replied_status"}}, http.StatusSeeOther)
		expect(t, "preset", e.getAs("admin", "/settings/automations/3?done=rule-created", http.StatusOK),
			[]string{"Rule created.", `value="Customer replied: back to work"`, `value="In Progress"`, "Its conditions match 0 open tickets now.",
				"It has not fired yet."}, []string{`id="enabled" name="enabled" value="true" checked`})

		admin := e.client("admin")
		res, _ = e.do(admin, http.MethodPost, "/settings/automations/presets",
			url.Values{"_csrf": {e.csrf(admin, "/settings/tokens")}, "team": {"1"}, "preset": {"received_mail"}}, nil)
		if loc := res.Header.Get("Location"); loc != "/settings/automations/1?done=rule-exists" {
			t.Fatalf("adding the team's received mail again went to %q, want its existing rule", loc)
		}
		expect(t, "exists", e.getAs("admin", "/settings/automations/1?done=rule-exists", http.StatusOK),
			[]string{"The team has this ready rule already: here it is."}, nil)

		bad := url.Values{"name": {"<b>Loop</b>"}, "team": {"1"}, "event": {"status_entered"}, "status": {"Waiting"},
			"cond_group": {"1"}, "cond_field": {"priority"}, "cond_op": {"gt"}, "cond_value": {"high"},
			"act_action": {"set_status"}, "act_value": {"Waiting"}}
		body := e.postAs("admin", "/settings/automations", bad, http.StatusUnprocessableEntity)
		expect(t, "refused", body, []string{"Must be a number", "Would trigger this rule again", `value="&lt;b&gt;Loop&lt;/b&gt;"`},
			[]string{"<b>Loop</b>"})

		good := url.Values{"name": {"Urgent: tag"}, "enabled": {"true"}, "team": {"1"}, "event": {"ticket_created"},
			"cond_group": {"1", "1"}, "cond_field": {"priority", ""}, "cond_op": {"is", "is"}, "cond_value": {"3", ""},
			"act_action": {"add_tags", ""}, "act_value": {"urgent, vip", ""}}
		e.postAs("admin", "/settings/automations", good, http.StatusSeeOther)
		expect(t, "listed", e.getAs("admin", "/settings/automations", http.StatusOK),
			[]string{"Urgent: tag", "A ticket is created", "Team Support", "<span class=\"badge\">On</span>", "Never"}, nil)
		e.postAs("admin", "/settings/automations/4/delete", url.Values{}, http.StatusSeeOther)
		expect(t, "deleted", e.getAs("admin", "/settings/automations?done=rule-deleted", http.StatusOK),
			[]string{"Rule deleted."}, []string{"Urgent: tag"})
	})
}
