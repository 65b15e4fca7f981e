package automation

import (
	"context"
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

func pipelineStatuses(ctx context.Context, q db.Querier, teamID int64) (statusNames, error) {
	var out statusNames
	rows, err := q.QueryContext(ctx, `SELECT s.name, s.kind FROM statuses s JOIN teams t ON t.pipeline_id = s.pipeline_id
		WHERE t.id = $1 ORDER BY s.position, s.id`, teamID)
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
// "waiting", the first closed one for closing).
func (s *Service) AddPreset(ctx context.Context, teamID int64, key string) (Rule, error) {
	st, err := pipelineStatuses(ctx, s.DB.Read, teamID)
	if err != nil {
		return Rule{}, err
	}
	if len(st.open) == 0 || len(st.closed) == 0 {
		return Rule{}, domain.Invalid("team", fmt.Sprintf("no team with id %d", teamID))
	}
	r := Rule{Scope: Scope{Team: teamID}, Preset: key}
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
		r.Name, r.When, r.Then = "Tell the assignee when a ticket waits", When{Event: "status_entered", Status: st.pick(2)},
			[]Action{{Action: "notify", To: "assignee"}}
	default:
		return Rule{}, domain.Invalid("preset", "no such ready rule")
	}
	return s.Create(ctx, r)
}
