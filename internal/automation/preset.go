package automation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// PresetInfo names one of HubSpot's ready pipeline automations.
type PresetInfo struct {
	Key, Title string
}

// Presets are the ready rules a team can add, switched off, and then
// adjust and switch on like any other rule.
var Presets = []PresetInfo{
	{"answer_sent_status", "When an answer is mailed to the customer, set the status"},
	{"customer_replied_status", "When the customer replies, set the status"},
	{"received_mail", "Mail the received template when a ticket comes in"},
	{"closed_mail", "Mail the closed template when a ticket is closed"},
	{"status_notify", "When a ticket enters a status, notify its assignee"},
}

// statusNames are a pipeline's statuses, open ones first, in order.
type statusNames struct{ open, closed []string }

// teamStatuses are the statuses of team teamID's pipeline.
func teamStatuses(ctx context.Context, q db.Querier, teamID int64) (statusNames, error) {
	var pipeline int64
	err := q.QueryRowContext(ctx, `SELECT pipeline_id FROM teams WHERE id = $1`, teamID).Scan(&pipeline)
	if errors.Is(err, sql.ErrNoRows) {
		return statusNames{}, nil
	}
	if err != nil {
		return statusNames{}, err
	}
	return pipelineStatuses(ctx, q, pipeline)
}

func pipelineStatuses(ctx context.Context, q db.Querier, pipelineID int64) (statusNames, error) {
	var out statusNames
	rows, err := q.QueryContext(ctx, `SELECT name, kind FROM statuses WHERE pipeline_id = $1 ORDER BY position, id`, pipelineID)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var name, kind string
		if err := rows.Scan(&name, &kind); err != nil {
			return out, err
		}
		if kind == "closed" {
			out.closed = append(out.closed, name)
		} else {
			out.open = append(out.open, name)
		}
	}
	return out, rows.Err()
}

// pick is the open status at i, or the last one before it.
func (n statusNames) pick(i int) string { return n.open[min(i, len(n.open)-1)] }

// AddPreset stores preset key for team teamID, switched off, with the
// statuses of the team's pipeline filled in (the second open status for
// "waiting", the first closed one for closing). A ready rule exists once
// per team: when the team has it already, that rule is returned as it is,
// and made false (a second received mail rule would mail the customer
// twice).
func (s *Service) AddPreset(ctx context.Context, teamID int64, key string) (r Rule, made bool, err error) {
	if r, err := s.presetRule(ctx, Scope{Team: teamID}, key); !errors.Is(err, ErrNotFound) {
		return r, false, err
	}
	st, err := teamStatuses(ctx, s.DB.Read, teamID)
	if err != nil {
		return Rule{}, false, err
	}
	if len(st.open) == 0 || len(st.closed) == 0 {
		return Rule{}, false, domain.Invalid("team", fmt.Sprintf("no team with id %d", teamID))
	}
	r, ok := draft(key, st)
	if !ok {
		return Rule{}, false, domain.Invalid("preset", "no such ready rule")
	}
	r.Scope = Scope{Team: teamID}
	r, err = s.createPreset(ctx, r)
	return r, err == nil, err
}

// createPreset stores a ready rule; when another admin made the same one
// at the same moment, theirs is returned.
func (s *Service) createPreset(ctx context.Context, r Rule) (Rule, error) {
	saved, err := s.Create(ctx, r)
	if db.IsUniqueViolation(err, "rules_preset") {
		return s.presetRule(ctx, r.Scope, r.Preset)
	}
	return saved, err
}

// draft is ready rule key, switched off and unscoped, with the statuses
// of st filled in.
func draft(key string, st statusNames) (Rule, bool) {
	r := Rule{Preset: key, If: [][]Cond{}}
	switch key {
	case "answer_sent_status":
		r.Name, r.When, r.Then = "Answered: wait for the customer", When{Event: "answer_sent"},
			[]Action{{Action: "set_status", Status: st.pick(2)}}
	case "customer_replied_status":
		r.Name, r.When, r.Then = "Customer replied: back to work", When{Event: "customer_replied"},
			[]Action{{Action: "set_status", Status: st.pick(1)}}
	case "received_mail":
		r.Name, r.When, r.Then = "Mail the received template", When{Event: "ticket_created", Channels: []string{"email", "web_form", "widget"}},
			[]Action{{Action: "mail_customer", Template: "received"}}
	case "closed_mail":
		r.Name, r.When, r.Then = "Mail the closed template", When{Event: "status_entered", Closing: true},
			[]Action{{Action: "mail_customer", Template: "closed"}}
	case "status_notify":
		r.Name, r.When, r.Then = notifyDraftName, When{Event: "status_entered", Status: st.pick(2)},
			[]Action{{Action: "notify", To: "assignee"}}
	default:
		return r, false
	}
	return r, true
}

// presetRule returns the rule made from preset key for exactly scope
// (a team's or a pipeline's), or ErrNotFound.
func (s *Service) presetRule(ctx context.Context, sc Scope, key string) (Rule, error) {
	var id int64
	err := s.DB.Read.QueryRowContext(ctx, `SELECT id FROM rules WHERE COALESCE(team_id, 0) = $1
		AND COALESCE(pipeline_id, 0) = $2 AND preset = $3`, sc.Team, sc.Pipeline, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Rule{}, ErrNotFound
	}
	if err != nil {
		return Rule{}, err
	}
	return s.Get(ctx, id)
}
