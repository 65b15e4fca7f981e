package ticket

import (
	"context"
	"fmt"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// ClockKind is what happened to a ticket, as its SLA clock reads it.
type ClockKind string

// The steps a ticket's SLA clock hears of. Reselect is a change of what
// selects its policy (priority, team, tags, contact); Why says which, for
// the history ("priority 1 to 3").
const (
	ClockCreated  ClockKind = "created"
	ClockStatus   ClockKind = "status"
	ClockAnswer   ClockKind = "answer"
	ClockCustomer ClockKind = "customer"
	ClockReselect ClockKind = "reselect"
)

// ClockStep is one step of a ticket's history for its SLA clock.
type ClockStep struct {
	Kind     ClockKind
	At       time.Time
	StatusID int64
	Closed   bool
	Why      string
	// Facts are what selects a new ticket's policy, given with its
	// creation so that nothing is read back.
	Facts *ClockFacts
}

// ClockFacts are a ticket's values an SLA policy selects on.
type ClockFacts struct {
	TeamID, ContactID int64
	Priority          int
	Channel           string
	Tags              []string
}

// Clocks keeps the SLA state of tickets in step with their changes,
// inside the change's transaction (internal/sla).
type Clocks interface {
	Step(ctx context.Context, tx *db.Tx, ticketID int64, steps []ClockStep) (ClockState, error)
	// StatusMoved records that every ticket in status from is now in to
	// (a status removed, or its kind changed), before the tickets move.
	StatusMoved(ctx context.Context, q db.Querier, from, to int64, closed bool, at time.Time) error
	// Open chooses a new ticket's policy and computes its first state
	// before the ticket row is written, so that the row is written once,
	// with its SLA columns, its creation step among them.
	Open(ctx context.Context, tx *db.Tx, created ClockStep) (ClockColumns, error)
}

// ClockColumns are a ticket's SLA columns as a creation writes them.
type ClockColumns struct {
	PolicyID, CalendarID *int64
	Text                 *string
	CheckAt              *time.Time
	Notified             string
	State                ClockState
	// The creation step: the status, policy and calendar it began with.
	StartStatusID, StartPolicyID, StartCalendarID *int64
}

// ClockState is what a step stored: the worst state, the next due time
// and the SLA as the ticket shows it (nil: no policy applies).
type ClockState struct {
	State string
	Due   *time.Time
	SLA   *SLA
}

func (s *Service) clock(ctx context.Context, tx *db.Tx, id int64, steps ...ClockStep) error {
	if s.Clocks == nil || len(steps) == 0 {
		return nil
	}
	_, err := s.Clocks.Step(ctx, tx, id, steps)
	return err
}

// clockSteps are the SLA steps of a patch's changes that may select
// another policy.
func clockSteps(changes []change, at time.Time) []ClockStep {
	var steps []ClockStep
	for _, ch := range changes {
		switch { // status changes step in write, whoever writes them
		case ch.event == EventPriority:
			steps = append(steps, ClockStep{Kind: ClockReselect, At: at, Why: "priority " + fmtAny(ch.data["from"]) + " to " + fmtAny(ch.data["to"])})
		case ch.event == EventTeam:
			steps = append(steps, ClockStep{Kind: ClockReselect, At: at, Why: "team " + fmtAny(ch.data["from"]) + " to " + fmtAny(ch.data["to"])})
		case ch.event == EventTags, ch.event == EventContact:
			steps = append(steps, ClockStep{Kind: ClockReselect, At: at, Why: ch.event + " changed"})
		}
	}
	return steps
}

// messageStep is the SLA step of a new message: a public reply answers,
// a customer's message may start next response; notes and system
// messages change nothing.
func messageStep(m NewMessage) []ClockStep {
	switch m.Kind {
	case Reply:
		return []ClockStep{{Kind: ClockAnswer, At: db.Norm(m.CreatedAt)}}
	case Customer:
		return []ClockStep{{Kind: ClockCustomer, At: db.Norm(m.CreatedAt)}}
	}
	return nil
}

func fmtAny(v any) string {
	if v == nil {
		return "none"
	}
	return fmt.Sprint(v)
}
