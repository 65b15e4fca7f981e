package ticket

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
)

// The events automations hear of (internal/automation), named as the
// rules API names them.
const (
	HappenedCreated         = "ticket_created"
	HappenedUpdated         = "ticket_updated"
	HappenedStatusEntered   = "status_entered"
	HappenedStatusLeft      = "status_left"
	HappenedCustomerReplied = "customer_replied"
	HappenedAnswerSent      = "answer_sent"
	HappenedNoteAdded       = "note_added"
	HappenedAssignee        = "assignee_changed"
	HappenedPriority        = "priority_changed"
	// HappenedSLADue: the SLA stored a new due time. No rule listens to
	// it; it re-arms the time rules anchored on the due time.
	HappenedSLADue = "sla_due_moved"
)

// The actors a change can have, as rules see them.
const (
	ActorCustomer   = "customer"
	ActorOperator   = "operator"
	ActorAutomation = "automation"
	ActorSystem     = "system"
)

// Happening is one thing that happened to a ticket, told to automations
// inside the transaction that made it, so what they do commits with it.
type Happening struct {
	Event    string
	TicketID int64
	Actor    string
	ActorID  int64
	Channel  Channel  // ticket_created: the channel it came by
	Fields   []string // ticket_updated: the fields that changed
	StatusID int64    // status_entered, status_left: that status
	Mail     *MailHeaders
	// Closes: this status change moves an open ticket to a closed status.
	Closes bool
	// Answered: a public answer made with this change already told the
	// customer ("Send and close"), so no closing mail should follow.
	Answered bool
}

// Automator runs the rules that listen to happenings.
type Automator interface {
	Happened(ctx context.Context, tx *db.Tx, hs []Happening) error
}

// Cause marks changes made by an automation rule: the history names the
// rule, and the automations see how deep a chain of rules runs.
type Cause struct {
	RuleID   int64
	RuleName string
	Depth    int
	// Fired are the rules that already fired in this chain.
	Fired map[int64]bool
	// Quiet changes are heard by no rule (the loop guard's own notes).
	Quiet bool
	// Mail is the headers of the mail that began the chain, so that a rule
	// further down still sends nothing to an automatic sender.
	Mail *MailHeaders
}

type causeKey struct{}

// WithCause returns ctx carrying c: changes made under it are the rule's.
func WithCause(ctx context.Context, c *Cause) context.Context {
	return context.WithValue(ctx, causeKey{}, c)
}

// CauseOf returns the rule behind changes made under ctx, or nil.
func CauseOf(ctx context.Context) *Cause {
	c, _ := ctx.Value(causeKey{}).(*Cause)
	return c
}

// actorOf names who made a change: a rule, an operator or the system.
func actorOf(ctx context.Context, operatorID int64) string {
	switch {
	case CauseOf(ctx) != nil:
		return ActorAutomation
	case operatorID != 0:
		return ActorOperator
	}
	return ActorSystem
}

func (s *Service) happened(ctx context.Context, tx *db.Tx, hs ...Happening) error {
	if s.Automations == nil || len(hs) == 0 {
		return nil
	}
	return s.Automations.Happened(ctx, tx, hs)
}

// patchHappenings are what a patch's changes tell automations.
func patchHappenings(ctx context.Context, id int64, changes []change, actorID int64, answered bool) []Happening {
	base := Happening{TicketID: id, Actor: actorOf(ctx, actorID), ActorID: actorID, Answered: answered}
	var out []Happening
	var fields []string
	for _, ch := range changes {
		fields = append(fields, fieldOf(ch))
		switch ch.event {
		case EventStatus, EventReopened:
			left, entered := base, base
			left.Event, left.StatusID = HappenedStatusLeft, ch.fromStatus
			entered.Event, entered.StatusID, entered.Closes = HappenedStatusEntered, ch.to.ID, ch.shuts
			out = append(out, left, entered)
		case EventPriority:
			h := base
			h.Event = HappenedPriority
			out = append(out, h)
		case EventAssignee:
			h := base
			h.Event = HappenedAssignee
			out = append(out, h)
		}
	}
	if len(fields) > 0 {
		h := base
		h.Event, h.Fields = HappenedUpdated, fields
		out = append(out, h)
	}
	return out
}

// fieldOf names the ticket field a change wrote, as rules name it.
func fieldOf(ch change) string {
	switch ch.event {
	case EventStatus, EventReopened:
		return "status"
	case EventContact, EventMerged:
		return "contact"
	case EventField:
		if name, ok := ch.data["field"].(string); ok {
			return "fields." + name
		}
	}
	return ch.event
}

// messageHappening is what a new message tells automations.
func messageHappening(ctx context.Context, id int64, m NewMessage) []Happening {
	h := Happening{TicketID: id, Actor: actorOf(ctx, m.OperatorID), ActorID: m.OperatorID, Mail: m.Mail}
	switch m.Kind {
	case Customer:
		h.Event, h.Actor = HappenedCustomerReplied, ActorCustomer
	case Reply:
		h.Event = HappenedAnswerSent
	case Note:
		h.Event = HappenedNoteAdded
	default:
		return nil
	}
	return []Happening{h}
}

// createdHappening is what a new ticket tells automations.
func createdHappening(ctx context.Context, n newTicket) Happening {
	actor := ActorCustomer
	if n.in.ActorID != 0 || CauseOf(ctx) != nil {
		actor = actorOf(ctx, n.in.ActorID)
	}
	return Happening{Event: HappenedCreated, TicketID: n.id, Actor: actor, ActorID: n.in.ActorID,
		Channel: n.in.Channel, Mail: n.in.Mail}
}

// withRule names the rule behind a change in its history entry.
func withRule(ctx context.Context, data map[string]any) map[string]any {
	c := CauseOf(ctx)
	if c == nil {
		return data
	}
	out := make(map[string]any, len(data)+1)
	for k, v := range data {
		out[k] = v
	}
	out["rule"] = c.RuleName
	return out
}

// GetTx reads ticket id inside tx, with its custom field values.
func (s *Service) GetTx(ctx context.Context, tx *db.Tx, id int64) (Ticket, error) {
	t, err := s.getBy(ctx, tx, `t.id = $1`, id)
	if err != nil || s.Custom == nil {
		return t, err
	}
	values, err := s.Custom.Values(ctx, tx, map[int64]int64{t.ID: t.PipelineID})
	t.Custom = values[t.ID]
	return t, err
}

// EventRule records what a rule did that leaves no other history entry
// (a mail, a notification): data {rule, line}.
const EventRule = "rule"

// RecordRule writes an EventRule history entry inside tx.
func (s *Service) RecordRule(ctx context.Context, tx *db.Tx, id int64, rule, line string) error {
	return s.recordEvent(ctx, tx, id, 0, EventRule, map[string]any{"rule": rule, "line": line}, db.Now())
}
