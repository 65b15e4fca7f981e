package ui

import (
	"context"
	"maps"
	"slices"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/pipeline"
)

// PipelineAutomation is the part of a pipeline's page with HubSpot's
// ready rules: each a rule like any other, switched and set here.
type PipelineAutomation struct {
	Presets []PresetRow
	// Teams are the teams whose tickets start in this pipeline, with their
	// received and closed mails (each team's own template).
	Teams     []MailRow
	MailError string
}

// PresetRow is one ready rule with its choices.
type PresetRow struct {
	automation.PipelinePreset
	Title    string
	Statuses []Option
	Targets  []Option // status_notify: whom to tell
	Error    string
}

// MailRow is one team's received and closed mail switches.
type MailRow struct {
	ID               int64
	Name             string
	Received, Closed bool
}

// presetTitles say each ready rule as the pipeline's page shows it.
var presetTitles = map[string]string{
	"answer_sent_status":      "When an answer is mailed to the customer, set the status",
	"customer_replied_status": "When the customer replies, set the status",
	"status_notify":           "When a ticket enters a status, notify",
}

// pipelineAutomation reads pipeline p's ready rules and its teams' mails.
func (u *UI) pipelineAutomation(ctx context.Context, p pipeline.Pipeline) (*PipelineAutomation, error) {
	presets, err := u.s.Automations.PipelinePresets(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	targets, err := u.notifyTargets(ctx)
	if err != nil {
		return nil, err
	}
	a := &PipelineAutomation{}
	for _, pr := range presets {
		row := PresetRow{PipelinePreset: pr, Title: presetTitles[pr.Key]}
		for _, s := range p.Statuses {
			row.Statuses = append(row.Statuses, Option{Value: s.Name, Label: s.Name, Selected: s.Name == pr.Status})
		}
		if pr.Key == "status_notify" {
			row.Targets = marked(targets, pr.Notify)
		}
		a.Presets = append(a.Presets, row)
	}
	return a, u.teamMails(ctx, p.ID, a)
}

// notifyTargets are whom a notify action can tell: the ticket's people,
// then every active operator.
func (u *UI) notifyTargets(ctx context.Context) ([]Option, error) {
	out := []Option{{Value: "assignee", Label: "Its assignee"}, {Value: "team", Label: "Its team"},
		{Value: "team_lead", Label: "The team's lead (its admins)"}}
	ops, err := u.s.Operators.List(ctx)
	for _, op := range ops {
		if op.Active {
			out = append(out, Option{Value: "user:" + id64(op.ID), Label: op.Name})
		}
	}
	return out, err
}

func marked(opts []Option, value string) []Option {
	out := slices.Clone(opts)
	for i := range out {
		out[i].Selected = out[i].Value == value
	}
	return out
}

// teamMails fills in the teams that start tickets in pipeline id, with
// whether each sends its received and closed mails.
func (u *UI) teamMails(ctx context.Context, id int64, a *PipelineAutomation) error {
	teams, err := u.s.Teams.List(ctx)
	if err != nil {
		return err
	}
	for _, t := range teams {
		if t.PipelineID != id {
			continue
		}
		row := MailRow{ID: t.ID, Name: t.Name}
		if row.Received, err = u.s.Automations.PresetEnabled(ctx, t.ID, "received_mail"); err != nil {
			return err
		}
		if row.Closed, err = u.s.Automations.PresetEnabled(ctx, t.ID, "closed_mail"); err != nil {
			return err
		}
		a.Teams = append(a.Teams, row)
	}
	return nil
}

// refused puts a ready rule's refusal and the choice that was posted on
// its row.
func (a *PipelineAutomation) refused(p automation.PipelinePreset, fields map[string]string) {
	for i := range a.Presets {
		row := &a.Presets[i]
		if row.Key != p.Key {
			continue
		}
		row.Enabled, row.Status, row.Notify = p.Enabled, p.Status, p.Notify
		for j := range row.Statuses {
			row.Statuses[j].Selected = row.Statuses[j].Value == p.Status
		}
		row.Targets = marked(row.Targets, p.Notify)
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			row.Error = sentenceCase(fields[k])
			break
		}
	}
}
