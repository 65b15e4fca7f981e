package automation_test

import (
	"errors"
	"strconv"
	"testing"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A pipeline's ready rule, switched on from the pipeline: an answer moves
// the ticket to the status chosen; saving again changes that one rule; a
// status the pipeline lacks is refused on the rule's status.
func TestPipelinePresetSwitchedOn(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		pid := k.team.PipelineID
		presets, err := k.s.Automations.PipelinePresets(k.ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		if len(presets) != 3 || presets[0].Key != "answer_sent_status" || presets[0].RuleID != 0 || presets[0].Status != "Waiting" {
			t.Fatalf("presets before any is saved: %+v", presets)
		}
		_, err = k.s.Automations.SetPipelinePreset(k.ctx, pid, automation.PipelinePreset{Key: "answer_sent_status", Enabled: true, Status: "Limbo"})
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || ve.Fields["then[0].status"] == "" {
			t.Fatalf("a status the pipeline lacks: %v, want a refusal on then[0].status", err)
		}
		first, err := k.s.Automations.SetPipelinePreset(k.ctx, pid, automation.PipelinePreset{Key: "answer_sent_status", Enabled: true, Status: "In Progress"})
		if err != nil {
			t.Fatal(err)
		}
		again, err := k.s.Automations.SetPipelinePreset(k.ctx, pid, automation.PipelinePreset{Key: "answer_sent_status", Enabled: true, Status: "Waiting"})
		if err != nil {
			t.Fatal(err)
		}
		if again.ID != first.ID || again.Scope.Pipeline != pid {
			t.Fatalf("saved twice: rules %d and %d (scope %+v), want one rule of the pipeline", first.ID, again.ID, again.Scope)
		}
		tk := k.ticket(db.Now())
		k.answer(tk.ID)
		if got := k.get(tk.ID).Status.Name; got != "Waiting" {
			t.Fatalf("after the answer: status %q, want Waiting", got)
		}
		presets, err = k.s.Automations.PipelinePresets(k.ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		if p := presets[0]; !p.Enabled || p.RuleID != first.ID || p.Status != "Waiting" {
			t.Fatalf("the pipeline's answered preset reads %+v", p)
		}
	})
}

// The notify preset names its rule after the choice, and tells whom it
// names when a ticket enters the status.
func TestPipelinePresetNotifies(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		k := newDesk(t, d)
		r, err := k.s.Automations.SetPipelinePreset(k.ctx, k.team.PipelineID, automation.PipelinePreset{Key: "status_notify",
			Enabled: true, Status: "In Progress", Notify: "user:" + strconv.FormatInt(k.admin.ID, 10)})
		if err != nil {
			t.Fatal(err)
		}
		if r.Name != "When a ticket enters In Progress, notify a chosen operator" || r.When.Status != "In Progress" {
			t.Fatalf("rule %+v", r)
		}
		tk := k.ticket(db.Now())
		k.setStatus(tk.ID, "In Progress")
		if n := k.count(`SELECT count(*) FROM notifications WHERE operator_id = $1 AND kind = 'automation' AND ticket_id = $2`,
			k.admin.ID, tk.ID); n != 1 {
			t.Fatalf("notifications for the admin = %d, want 1", n)
		}
	})
}
