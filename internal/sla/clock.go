package sla

import (
	"errors"
	"fmt"
	"time"
)

// ErrHistory is returned for a history the clock cannot read: events out
// of time order, or anything before the ticket was created.
var ErrHistory = errors.New("sla: bad history")

// Clock replays a ticket's history. Its zero value is ready; feed it the
// events in time order with Apply and read it at any moment with At. A
// Clock is a plain value: a copy continues independently.
type Clock struct {
	policy         *Policy
	last           time.Time
	created        bool
	status         int64
	closed, paused bool
	answered       bool
	meters         [3]meter
}

// Compute replays events and reads the clock at now; the recomputations
// are the lines for the ticket's history.
func Compute(events []Event, now time.Time) (Result, []Recomputed, error) {
	var c Clock
	var all []Recomputed
	for _, e := range events {
		r, err := c.Apply(e)
		if err != nil {
			return Result{}, nil, err
		}
		all = append(all, r...)
	}
	return c.At(now), all, nil
}

// Apply moves the clock to e.At and applies e. A policy change returns
// what it did to each running target's due time.
func (c *Clock) Apply(e Event) ([]Recomputed, error) {
	switch {
	case e.Kind < Created || e.Kind > PolicyChanged:
		return nil, fmt.Errorf("%w: unknown event kind %d", ErrHistory, e.Kind)
	case c.created && e.At.Before(c.last):
		return nil, fmt.Errorf("%w: an event at %s is listed after one at %s", ErrHistory, e.At, c.last)
	case c.created == (e.Kind == Created):
		return nil, fmt.Errorf("%w: a ticket's history starts with its creation, once", ErrHistory)
	}
	c.last = e.At
	for i := range c.meters {
		c.meters[i].settle(e.At)
	}
	var changes []Recomputed
	switch e.Kind {
	case Created:
		c.created, c.policy = true, e.Policy
		c.enter(e.Status, e.Closed)
		c.meters[FirstResponse].begin()
		c.meters[Resolution].begin()
	case StatusEntered:
		c.enter(e.Status, e.Closed)
	case PublicAnswer:
		c.answer(e.At)
	case CustomerMessage:
		if next := &c.meters[NextResponse]; c.answered && (!next.started || next.done) {
			next.begin()
		}
	case PolicyChanged:
		changes = c.change(e.At, e.Policy)
	}
	c.reconcile(e.At)
	return changes, nil
}

// enter records the ticket's status. Entering a closed status meets
// resolution; leaving it reopens resolution with the time already used.
func (c *Clock) enter(status int64, closed bool) {
	res := &c.meters[Resolution]
	switch {
	case closed && res.started && !res.done:
		res.meet(c.last, c.policy.calendar())
	case !closed && c.closed && res.done:
		res.done, res.met = false, time.Time{}
	}
	c.status, c.closed = status, closed
	c.paused = c.policy != nil && c.policy.Pause[status]
}

// answer is a public answer: it meets first response and the waiting next
// response, and from now on a customer message starts next response.
func (c *Clock) answer(at time.Time) {
	for _, t := range []Target{FirstResponse, NextResponse} {
		if m := &c.meters[t]; m.started && !m.done {
			m.meet(at, c.policy.calendar())
		}
	}
	c.answered = true
}

// reconcile starts and stops each meter as the ticket's state now asks.
func (c *Clock) reconcile(at time.Time) {
	for _, t := range Targets {
		m := &c.meters[t]
		run := c.runs(t, m)
		switch {
		case m.counting && !run:
			m.stop(at, c.policy.calendar())
		case !m.counting && run:
			m.resume(at, c.policy, c.policy.target(t))
		}
	}
}

// runs says whether target t counts now: a policy applies, the cycle is
// open, the ticket is not closed and, except for first response, not in
// a pause status.
func (c *Clock) runs(t Target, m *meter) bool {
	return c.policy != nil && m.started && !m.done && !c.closed && (t == FirstResponse || !c.paused)
}

// At reads the clock at now (not before the last event) without changing it.
func (c *Clock) At(now time.Time) Result {
	if c.policy == nil {
		return Result{}
	}
	warns := c.policy.Warn > 0
	s := func(t Target) *Status { return c.meters[t].status(now, c.policy.target(t), warns) }
	return Result{FirstResponse: s(FirstResponse), NextResponse: s(NextResponse), Resolution: s(Resolution)}
}
