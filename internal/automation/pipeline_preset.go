package automation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// PipelinePreset is one of HubSpot's ready rules as a pipeline's page
// shows it: on or off, with the one choice each makes. It stays a rule
// like any other (Settings → Automations), scoped to the pipeline.
type PipelinePreset struct {
	Key     string
	RuleID  int64 // 0 until first saved
	Enabled bool
	// Status is the status set (answer_sent_status,
	// customer_replied_status) or entered (status_notify).
	Status string
	// Notify is whom status_notify tells: assignee, team, team_lead, or
	// user:<operator id or email>.
	Notify string
}

// PipelinePresetKeys are the ready rules a pipeline's page offers. The
// received and closed mails are the teams' (each team's template).
var PipelinePresetKeys = []string{"answer_sent_status", "customer_replied_status", "status_notify"}

// PipelinePresets returns pipeline pipelineID's ready rules, saved or as
// they would be made.
func (s *Service) PipelinePresets(ctx context.Context, pipelineID int64) ([]PipelinePreset, error) {
	st, err := pipelineStatuses(ctx, s.DB.Read, pipelineID)
	if err != nil || len(st.open) == 0 {
		return nil, err
	}
	out := make([]PipelinePreset, 0, len(PipelinePresetKeys))
	for _, key := range PipelinePresetKeys {
		r, err := s.presetRule(ctx, Scope{Pipeline: pipelineID}, key)
		if errors.Is(err, ErrNotFound) {
			r, _ = draft(key, st)
		} else if err != nil {
			return nil, err
		}
		out = append(out, presetOf(r))
	}
	return out, nil
}

func presetOf(r Rule) PipelinePreset {
	p := PipelinePreset{Key: r.Preset, RuleID: r.ID, Enabled: r.Enabled, Status: r.When.Status}
	for _, a := range r.Then {
		switch {
		case a.Action == "set_status" && p.Status == "":
			p.Status = a.Status
		case a.Action == "notify" && p.Notify == "":
			p.Notify = a.To
			if a.To == "user" {
				p.Notify = "user:" + a.User
			}
		}
	}
	return p
}

// SetPipelinePreset switches ready rule p.Key of pipeline pipelineID on
// or off with p's choice, making the rule the first time. Its other
// parts (conditions, more actions) stay as they were edited; refusals
// come back as the rule's own (then[0].status, when.status).
func (s *Service) SetPipelinePreset(ctx context.Context, pipelineID int64, p PipelinePreset) (Rule, error) {
	r, err := s.presetRule(ctx, Scope{Pipeline: pipelineID}, p.Key)
	if errors.Is(err, ErrNotFound) {
		st, serr := pipelineStatuses(ctx, s.DB.Read, pipelineID)
		if serr != nil {
			return Rule{}, serr
		}
		if len(st.open) == 0 || !isPipelinePreset(p.Key) {
			return Rule{}, domain.Invalid("preset", fmt.Sprintf("no ready rule %q for this pipeline", p.Key))
		}
		r, _ = draft(p.Key, st)
		r.Scope = Scope{Pipeline: pipelineID}
	} else if err != nil {
		return Rule{}, err
	}
	r.Enabled = p.Enabled
	choose(&r, p)
	if r.ID == 0 {
		return s.createPreset(ctx, r)
	}
	return s.Update(ctx, r)
}

func isPipelinePreset(key string) bool { return slices.Contains(PipelinePresetKeys, key) }

// choose writes p's choice into the rule: the status its first set_status
// action sets, or the status it listens to and whom it notifies.
func choose(r *Rule, p PipelinePreset) {
	if r.Preset == "status_notify" {
		if r.Name == notifyDraftName || strings.HasPrefix(r.Name, "When a ticket enters ") {
			r.Name = fmt.Sprintf("When a ticket enters %s, notify %s", p.Status, notifyWhom(p.Notify))
		}
		r.When.Status = p.Status
		to, user, _ := strings.Cut(p.Notify, ":")
		for i := range r.Then {
			if r.Then[i].Action == "notify" {
				r.Then[i].To, r.Then[i].User = to, user
				return
			}
		}
		r.Then = append(r.Then, Action{Action: "notify", To: to, User: user})
		return
	}
	for i := range r.Then {
		if r.Then[i].Action == "set_status" {
			r.Then[i].Status = p.Status
			return
		}
	}
	r.Then = append([]Action{{Action: "set_status", Status: p.Status}}, r.Then...)
}

// notifyDraftName is status_notify's name until its choice is made.
const notifyDraftName = "Tell the assignee when a ticket waits"

func notifyWhom(to string) string {
	switch to {
	case "assignee":
		return "its assignee"
	case "team":
		return "its team"
	case "team_lead":
		return "the team's lead"
	}
	return "a chosen operator"
}
