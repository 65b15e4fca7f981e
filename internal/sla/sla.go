// Package sla is the SLA clock as a pure function of a ticket's history:
// given the events of a ticket (created, statuses entered, public answers,
// customer messages, notes, policy changes) it says, at any moment, the
// state, due time and met time of each target. Nothing is stored; the same
// history always gives the same answer. docs/sla.md states the rules.
package sla

import (
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
)

// Target is one of the three things a policy times.
type Target int

// The targets, in the order they are shown.
const (
	FirstResponse Target = iota
	NextResponse
	Resolution
)

// Targets lists every target, for loops.
var Targets = []Target{FirstResponse, NextResponse, Resolution}

func (t Target) String() string {
	return [...]string{"first response", "next response", "resolution"}[t]
}

// Policy is what an SLA policy says about time. Targets are business time
// in Calendar; a zero target is no target. Pause holds the statuses that
// stop next response and resolution. Policies are shared by many clocks
// and must not change once in use.
type Policy struct {
	FirstResponse time.Duration
	NextResponse  time.Duration
	Resolution    time.Duration
	Warn          time.Duration // warn when this much business time is left
	Calendar      *calendar.Calendar
	Pause         map[int64]bool
}

func (p *Policy) target(t Target) time.Duration {
	if p == nil {
		return 0
	}
	return [...]time.Duration{p.FirstResponse, p.NextResponse, p.Resolution}[t]
}

// Kind is what happened to a ticket.
type Kind int

// The kinds of event the clock reads. A note is listed so that callers
// can pass the whole history: it never changes the clock.
const (
	Created         Kind = iota + 1 // Status, Closed and Policy are the ticket's first
	StatusEntered                   // Status and Closed are the new status
	PublicAnswer                    // an operator's reply the customer sees (mail, app, chat)
	CustomerMessage                 // a message from the customer, by any channel
	Note                            // an internal note
	PolicyChanged                   // Policy is the one that applies now (nil: none)
)

// Event is one step of a ticket's history.
type Event struct {
	At     time.Time
	Kind   Kind
	Status int64
	Closed bool
	Policy *Policy
}

// State is where a target stands.
type State string

// The states of a target. A breach stays a breach: met after its due time
// is MetLate.
const (
	Running  State = "running"
	Warning  State = "warning"
	Breached State = "breached"
	Met      State = "met"
	MetLate  State = "met_late"
)

// Status is one target at one moment. Due is zero while the clock is
// stopped (a pause status or a closed ticket) before any breach; Met is
// zero until met.
type Status struct {
	State  State     `json:"state"`
	Due    time.Time `json:"due_at,omitzero"`
	Met    time.Time `json:"met_at,omitzero"`
	Paused bool      `json:"paused"`
}

// Result holds each target's status; nil where the policy sets no such
// target, no policy applies, or the target has not started (next
// response before the customer writes again).
type Result struct {
	FirstResponse *Status `json:"first_response"`
	NextResponse  *Status `json:"next_response"`
	Resolution    *Status `json:"resolution"`
}

// Of returns the status of target t.
func (r Result) Of(t Target) *Status {
	return [...]*Status{r.FirstResponse, r.NextResponse, r.Resolution}[t]
}

// NextDue is the earliest due time of a target not yet met, breached ones
// included: what an inbox sorted by "due soonest" sorts on.
func (r Result) NextDue() (time.Time, bool) {
	var due time.Time
	for _, t := range Targets {
		s := r.Of(t)
		if s == nil || s.Due.IsZero() || s.State == Met || s.State == MetLate {
			continue
		}
		if due.IsZero() || s.Due.Before(due) {
			due = s.Due
		}
	}
	return due, !due.IsZero()
}
