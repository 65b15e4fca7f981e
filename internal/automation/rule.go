// Package automation runs rules: when an event happens to a ticket, if
// conditions hold, then actions, inside the transaction of the change
// that raised the event, so a rule's work commits or rolls back with it.
// Changes a rule makes carry their cause (ticket.Cause): other rules hear
// of them only when they ask to, and then only three levels deep.
package automation

import (
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Rule is one automation, as the API reads and writes it.
type Rule struct {
	ID       int64      `json:"id"`
	Name     string     `json:"name"`
	Enabled  bool       `json:"enabled"`
	Scope    Scope      `json:"scope"`
	Position int        `json:"position"`
	When     When       `json:"when"`
	If       [][]Cond   `json:"if"`
	Then     []Action   `json:"then"`
	Preset   string     `json:"preset,omitempty"`
	Created  time.Time  `json:"created_at"`
	Updated  time.Time  `json:"updated_at"`
	LastFire *time.Time `json:"last_fired_at"`
}

// Scope narrows a rule to a pipeline, a team, a channel; zero values
// mean all.
type Scope struct {
	Pipeline int64  `json:"pipeline,omitempty"`
	Team     int64  `json:"team,omitempty"`
	Channel  string `json:"channel,omitempty"`
}

// When is the event a rule listens to and what narrows it.
type When struct {
	Event string `json:"event"`
	// Channels narrows ticket_created; Fields narrows ticket_updated
	// (any of them changed); Status narrows status_entered and
	// status_left (a status name in the scope's pipeline).
	Channels []string `json:"channels,omitempty"`
	Fields   []string `json:"fields,omitempty"`
	Status   string   `json:"status,omitempty"`
	// Closing narrows status_entered to changes that close an open ticket.
	Closing bool `json:"closing,omitempty"`
	// Anchor and After make a time rule (event time_after).
	Anchor string `json:"anchor,omitempty"`
	After  string `json:"after,omitempty"`
	// AfterRules lets changes made by other rules trigger this one.
	AfterRules bool `json:"after_rules,omitempty"`
}

// Cond is one condition: field op value.
type Cond struct {
	Field string `json:"field"`
	Op    string `json:"op"`
	Value any    `json:"value,omitempty"`
}

// Action is one step of a rule's then list; which fields count depends on
// the action.
type Action struct {
	Action   string   `json:"action"`
	Status   string   `json:"status,omitempty"`
	Priority *int     `json:"priority,omitempty"`
	Team     string   `json:"team,omitempty"`
	Assignee string   `json:"assignee,omitempty"` // an id or email, round_robin, fewest_open, "" for none
	Field    string   `json:"field,omitempty"`
	Value    any      `json:"value,omitempty"`
	Tags     []string `json:"tags,omitempty"`
	Template string   `json:"template,omitempty"` // mail_customer: received | closed
	Subject  string   `json:"subject,omitempty"`
	Body     string   `json:"body,omitempty"`
	To       string   `json:"to,omitempty"` // notify: user | team | assignee | team_lead
	User     string   `json:"user,omitempty"`
	Webhook  int64    `json:"webhook,omitempty"` // call_webhook: the webhook's id
}

// Events raised outside internal/ticket: by the SLA worker and by time.
const (
	TimeAfter   = "time_after"
	SLAWarning  = "sla_warning"
	SLABreached = "sla_breached"
	SLAMet      = "sla_met"
)

// The loop guards: chains of rules at most maxDepth deep; more than
// stormFirings of one rule on one ticket within stormWindow stop it there.
const (
	maxDepth     = 3
	stormFirings = 20
	stormWindow  = 10 * time.Minute
)

// Events are every event name, in the order the editor offers them.
var Events = []string{"ticket_created", "ticket_updated", "status_entered", "status_left", "customer_replied",
	"answer_sent", "note_added", "assignee_changed", "priority_changed", SLAWarning, SLABreached, SLAMet, TimeAfter}

// Actions are every action name, in the order the editor offers them.
var Actions = []string{"set_status", "set_priority", "set_team", "set_assignee", "set_field", "add_tags",
	"remove_tags", "mail_customer", "add_note", "notify", "call_webhook"}

// Ops are the condition operators.
var Ops = []string{"is", "is_not", "contains", "in", "gt", "lt", "is_set", "is_not_set"}

// Anchors are what a time rule counts from.
var Anchors = []string{"created", "status_entered", "last_customer_message", "last_public_answer", "sla_due"}

// ErrNotFound is returned for a rule that does not exist.
var ErrNotFound = domain.NotFound("rule")
