package automation_test

import (
	"errors"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// A time rule three days before a date field's day fires once when that
// day is near, not while it is far, and again after the date changes to
// another near day; a text field or a day before a fixed anchor is refused.
func TestTimeRuleOnADateField(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		for name, typ := range map[string]field.Type{"renewal": field.Date, "plan": field.Text} {
			if _, err := k.s.Fields.Create(k.ctx, field.Input{Name: name, Label: name, Type: typ}); err != nil {
				t.Fatal(err)
			}
		}
		for _, bad := range []automation.When{{Event: "time_after", Anchor: "fields.plan", After: "3d"},
			{Event: "time_after", Anchor: "created", After: "-3d"}} {
			_, err := k.s.Automations.Create(k.ctx, automation.Rule{Name: "Bad", Scope: automation.Scope{Team: k.team.ID},
				When: bad, Then: []automation.Action{{Action: "add_note", Body: "x"}}})
			var ve *domain.ValidationError
			if !errors.As(err, &ve) || ve.Fields["when.anchor"] == "" && ve.Fields["when.after"] == "" {
				t.Fatalf("%+v: %v, want a refusal on when.anchor or when.after", bad, err)
			}
		}
		r := k.rule(automation.Rule{Name: "Renewal soon", When: automation.When{Event: "time_after", Anchor: "fields.renewal",
			After: "-3d"}, Then: []automation.Action{{Action: "add_tags", Tags: []string{"renewal-soon"}}}})
		tk := k.ticket(db.Now())
		firings := func() int {
			k.fireTwiceAtOnce()
			return k.count(`SELECT count(*) FROM rule_firings WHERE rule_id = $1 AND ticket_id = $2`, r.ID, tk.ID)
		}
		renew := func(days int) {
			day := time.Now().UTC().AddDate(0, 0, days).Format(time.DateOnly)
			if _, err := k.s.Tickets.Update(k.ctx, tk.ID, ticket.Patch{Custom: map[string]any{"renewal": day}, ActorID: k.agent.ID}); err != nil {
				t.Fatal(err)
			}
		}
		renew(30)
		if n := firings(); n != 0 {
			t.Fatalf("renewal in 30 days: firings = %d, want 0", n)
		}
		renew(2)
		if n := firings(); n != 1 {
			t.Fatalf("renewal in 2 days: firings = %d, want 1", n)
		}
		if n := firings(); n != 1 {
			t.Fatalf("looked again: firings = %d, want still 1", n)
		}
		renew(1)
		if n := firings(); n != 2 {
			t.Fatalf("the date moved to tomorrow: firings = %d, want 2", n)
		}
		if got := k.get(tk.ID).Tags; len(got) != 1 || got[0] != "renewal-soon" {
			t.Fatalf("tags %q, want renewal-soon", got)
		}
	})
}

// A time rule on the SLA due time arms for the due time as the SLA stored
// it: after the first answer moves it from the first response to the
// resolution target, the rule waits for the new due time; a note, which
// moves nothing, arms nothing more.
func TestTimeRuleFollowsTheSLADueTime(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		if _, err := k.s.SLA.Create(k.ctx, sla.Input{Name: "Fast", Targets: sla.TargetMinutes{FirstResponse: testutil.Ptr(60),
			Resolution: testutil.Ptr(24 * 60)}}); err != nil {
			t.Fatal(err)
		}
		r := k.rule(automation.Rule{Name: "Overdue: tag", When: automation.When{Event: "time_after", Anchor: "sla_due", After: "30m"},
			Then: []automation.Action{{Action: "add_tags", Tags: []string{"overdue"}}}})
		tk := k.ticket(db.Now())
		armedAtDue := func() int {
			return k.count(`SELECT count(*) FROM rule_timers rt JOIN tickets t ON t.id = rt.ticket_id
				WHERE rt.rule_id = $1 AND t.id = $2 AND rt.anchor_at = t.sla_due_at`, r.ID, tk.ID)
		}
		if armedAtDue() != 1 {
			t.Fatal("a new ticket's SLA due time is not armed")
		}
		before := k.get(tk.ID).SLA.DueAt
		k.answer(tk.ID)
		if after := k.get(tk.ID).SLA.DueAt; after == nil || before == nil || after.Equal(*before) {
			t.Fatalf("the first answer did not move the due time (%v, %v)", before, after)
		}
		if armedAtDue() != 1 {
			t.Fatal("the moved SLA due time is not armed")
		}
		if _, err := k.s.Tickets.AddMessage(k.ctx, tk.ID, ticket.NewMessage{Kind: ticket.Note, Body: "fyi", OperatorID: k.agent.ID}); err != nil {
			t.Fatal(err)
		}
		if n := k.count(`SELECT count(*) FROM rule_timers WHERE rule_id = $1 AND ticket_id = $2`, r.ID, tk.ID); n != 2 {
			t.Fatalf("timers = %d, want 2 (one per due time)", n)
		}
	})
}
