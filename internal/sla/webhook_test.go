package sla_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/webhook"
)

// A warning and a breach each queue their webhook event once, with the
// ticket and the target, in the transaction that announces them.
func TestWarningAndBreachReachWebhooks(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.teamHours()
		w.policy(sla.Input{Name: "Standard", Targets: sla.TargetMinutes{FirstResponse: mins(60)}, WarnMinutes: 15})
		events := []string{webhook.SLAWarning, webhook.SLABreached}
		h, err := w.s.Webhooks.Create(w.ctx, webhook.Input{Name: testutil.Ptr("Pager"), URL: testutil.Ptr("https://pager.example.com/in"),
			Events: &events})
		if err != nil {
			t.Fatal(err)
		}
		tk := w.open("2026-03-06 16:30", 0)
		for _, when := range []string{"2026-03-09 09:15", "2026-03-09 09:20", "2026-03-09 09:31", "2026-03-09 09:45"} {
			w.now = at(when)
			if _, err := w.s.SLA.Tick(w.ctx); err != nil {
				t.Fatal(err)
			}
		}
		ds, err := w.s.Webhooks.Deliveries(w.ctx, h.ID, 10)
		if err != nil || len(ds) != 2 || ds[1].Event != webhook.SLAWarning || ds[0].Event != webhook.SLABreached {
			t.Fatalf("deliveries %+v (%v), want one warning then one breach", ds, err)
		}
		var body string
		if err := d.Read.QueryRow(`SELECT body FROM webhook_deliveries WHERE id = $1`, ds[0].ID).Scan(&body); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`"event":"sla_breached"`, `"target":"first_response"`, `"state":"breached"`, `"subject":"Printer on fire"`,
			`"number":` + strconv.FormatInt(tk.Number, 10)} {
			if !strings.Contains(body, want) {
				t.Errorf("the breach's body lacks %s: %s", want, body)
			}
		}
	})
}
