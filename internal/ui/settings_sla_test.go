package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestSettingsSLAPolicies(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		expect(t, "empty list", e.getAs("admin", "/settings/sla", http.StatusOK),
			[]string{"No SLA policies yet", `aria-current="page">SLA policies`}, nil)
		e.getAs("agent", "/settings/sla", http.StatusForbidden)
		expect(t, "new form pauses in Waiting", e.getAs("admin", "/settings/sla/new", http.StatusOK),
			[]string{`name="pause" value="3" checked> Waiting`, `name="pause" value="2"> In Progress`}, nil)
		urgent := url.Values{"name": {"Urgent"}, "priority": {"3"}, "first_response": {"60"}, "resolution": {"960"},
			"warn_minutes": {"15"}, "pause": {"3"}, "tags": {"VIP, outage"}}
		e.postAs("agent", "/settings/sla", urgent, http.StatusForbidden)
		e.postAs("admin", "/settings/sla", urgent, http.StatusSeeOther)
		e.postAs("admin", "/settings/sla", url.Values{"name": {"Everyone"}, "resolution": {"2400"}}, http.StatusSeeOther)
		all, err := e.s.SLA.List(ctx)
		if err != nil || len(all) != 2 || all[0].Name != "Urgent" || *all[0].Targets.FirstResponse != 60 ||
			strings.Join(all[0].Match.Tags, ",") != "vip,outage" || all[0].Match.Priorities[0] != 3 {
			t.Fatalf("stored %+v (%v)", all, err)
		}
		expect(t, "list in order", e.getAs("admin", "/settings/sla", http.StatusOK),
			[]string{"Urgent priority, tagged vip or outage", "First response 1 h · Resolution 16 h · warn 15 min before",
				`aria-label="Move Urgent down"`, `aria-label="Move Everyone up"`}, []string{`aria-label="Move Urgent up"`})
		e.postAs("admin", "/settings/sla/"+itoa(all[1].ID)+"/move", url.Values{"dir": {"up"}}, http.StatusSeeOther)
		if all, _ = e.s.SLA.List(ctx); all[0].Name != "Everyone" {
			t.Errorf("after moving Everyone up the order is %s, %s", all[0].Name, all[1].Name)
		}
		bad := url.Values{"name": {"Broken"}, "first_response": {"0"}, "next_response": {"soon"}, "resolution": {"600000"}}
		expect(t, "unreadable minutes", e.postAs("admin", "/settings/sla", bad, http.StatusUnprocessableEntity),
			[]string{`id="next_response-error">Write whole minutes`}, nil)
		bad.Set("next_response", "")
		expect(t, "each problem on its field", e.postAs("admin", "/settings/sla", bad, http.StatusUnprocessableEntity),
			[]string{`id="first_response-error">0 minutes: a target is from 1 minute to a year`, `id="resolution-error">600000 minutes`,
				`value="Broken"`}, nil)
		if all, _ = e.s.SLA.List(ctx); len(all) != 2 {
			t.Errorf("a refused form saved something: %d policies", len(all))
		}
	})
}

func TestInboxShowsAndSortsDueTimes(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		if _, err := e.s.SLA.Create(ctx, sla.Input{Name: "Urgent", Match: sla.Match{Priorities: []int{3}},
			Targets: sla.TargetMinutes{FirstResponse: testutil.Ptr(60)}, WarnMinutes: 15}); err != nil {
			t.Fatal(err)
		}
		open := func(subject string, priority int, ago time.Duration) {
			if _, err := e.s.Tickets.Create(ctx, ticket.NewTicket{Subject: subject, Team: "support", Priority: priority,
				CreatedAt: time.Now().Add(-ago), Contact: contact.Identity{Email: "ana@example.com"}}); err != nil {
				t.Fatal(err)
			}
		}
		open("No SLA here", 1, 0)
		open("Fresh urgent", 3, 0)
		open("Late urgent", 3, 4*time.Hour)
		body := e.getAs("agent", "/inbox?view=open&sort=due", http.StatusOK)
		expect(t, "badges", body, []string{`sla-breached" title="First response due`, "3 h overdue", `sla-running`, "in 59 min",
			`<option value="due" selected>Due soonest</option>`, "sorted by Due soonest"}, nil)
		late, fresh, none := strings.Index(body, "Late urgent"), strings.Index(body, "Fresh urgent"), strings.Index(body, "No SLA here")
		if late < 0 || !(late < fresh && fresh < none) {
			t.Errorf("order late %d, fresh %d, none %d: want the overdue ticket first and the one without SLA last", late, fresh, none)
		}
		filtered := e.getAs("agent", "/inbox?view=open&sla=breached", http.StatusOK)
		expect(t, "filter by state", filtered, []string{"Late urgent"}, []string{"Fresh urgent", "No SLA here"})
		board := e.getAs("agent", "/pipelines/1/board?sort=due", http.StatusOK)
		expect(t, "board card", board, []string{`class="kcard-sla"><span class="badge sla-badge sla-breached"`, "3 h overdue",
			`href="/pipelines/1/board?sort=due" aria-current="page">Due soonest`}, nil)
		if late, none := strings.Index(board, "Late urgent"), strings.Index(board, "No SLA here"); late < 0 || late > none {
			t.Errorf("board order: late %d, none %d; want the overdue ticket first in its column", late, none)
		}
	})
}
