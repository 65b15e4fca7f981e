package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

func TestSettingsWebhooks(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		expect(t, "empty", e.getAs("admin", "/settings/webhooks", http.StatusOK), []string{"No webhooks yet", "New webhook"}, nil)
		e.getAs("agent", "/settings/webhooks", http.StatusForbidden)
		e.postAs("agent", "/settings/webhooks", url.Values{"name": {"x"}}, http.StatusForbidden)

		body := e.postAs("admin", "/settings/webhooks", url.Values{"name": {""}, "url": {"http://127.0.0.1:8080/hook"}},
			http.StatusUnprocessableEntity)
		expect(t, "refused", body, []string{`id="name-error">`, `id="url-error">Points at this Frontdesk itself`,
			`id="events-error">Choose at least one event`}, nil)

		body = e.postAs("admin", "/settings/webhooks", url.Values{"name": {"CRM <b>"}, "url": {"https://crm.example.com/in"},
			"event": {"ticket_created", "note_added"}, "customer_facing": {"true"}, "enabled": {"true"}}, http.StatusCreated)
		expect(t, "created with its secret once", body, []string{"Webhook created.", `value="whsec_`, "only time it is shown",
			"CRM &lt;b&gt;", `value="note_added" checked`, "Send test", "Rotate secret", "Delete webhook"}, []string{"CRM <b>"})
		id := between(body, `<form method="post" action="/settings/webhooks/`, `/test"`)
		page := e.getAs("admin", "/settings/webhooks/"+id, http.StatusOK)
		expect(t, "no secret later", page, []string{"Nothing sent yet"}, []string{"whsec_"})

		e.postAs("admin", "/settings/webhooks/"+id+"/test", url.Values{}, http.StatusSeeOther)
		expect(t, "test queued", e.getAs("admin", "/settings/webhooks/"+id+"?done=webhook-test", http.StatusOK),
			[]string{"Test delivery queued", `<td data-label="Event" class="mono">ping</td>`, "status-queued"}, nil)
		expect(t, "listed", e.getAs("admin", "/settings/webhooks", http.StatusOK),
			[]string{"https://crm.example.com/in", "Customer-facing", "status-queued"}, []string{"whsec_"})

		rotated := e.postAs("admin", "/settings/webhooks/"+id+"/rotate", url.Values{}, http.StatusOK)
		if !strings.Contains(rotated, `value="whsec_`) || between(rotated, `value="whsec_`, `"`) == between(body, `value="whsec_`, `"`) {
			t.Error("rotating shows no new secret")
		}
		e.postAs("admin", "/settings/webhooks/"+id, url.Values{"name": {"CRM"}, "url": {"https://crm.example.com/in"},
			"event": {"ticket_created"}}, http.StatusSeeOther)
		expect(t, "saved off", e.getAs("admin", "/settings/webhooks", http.StatusOK), []string{`class="inactive"`, "Off"}, nil)
		e.postAs("admin", "/settings/webhooks/"+id+"/delete", url.Values{}, http.StatusSeeOther)
		e.getAs("admin", "/settings/webhooks/"+id, http.StatusNotFound)
	})
}
