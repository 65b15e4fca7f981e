package demo

import (
	"slices"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// move is a status change in a ticket's script.
type move int

const (
	moveNone  move = iota
	moveClose      // closed along the way; the next customer message reopens it
	moveFinal      // to the planned status, assignee and priority
)

// step is one thing that happens to a ticket after it was opened: a
// message, or a move.
type step struct {
	kind ticket.MessageKind
	part part
	move move
	at   time.Time
}

// script collects the steps of one ticket.
type script struct {
	f     *filler
	topic *topic
	steps []step
}

func (s *script) add(kind ticket.MessageKind, pt part) {
	s.steps = append(s.steps, step{kind: kind, part: pt})
}

func (s *script) maybe(prob float64, kind ticket.MessageKind, pt part) {
	if s.f.chance(prob) {
		s.add(kind, pt)
	}
}

// script lays out a ticket's thread so that it ends where the plan says:
// unanswered, being worked on, waiting for the customer, solved or refused.
// A reopened ticket first goes through a round that ended closed.
func (f *filler) script(p *plan) []step {
	s := &script{f: f, topic: p.topic}
	r := p.role
	if p.reopened {
		s.solve()
		s.steps = append(s.steps, step{move: moveClose})
		s.add(ticket.Customer, partReopen)
		if r == roleResolved {
			s.maybe(0.5, ticket.Note, partNote)
			s.add(ticket.Reply, partRefix)
		} else {
			s.round(r, true)
		}
	} else {
		s.round(r, false)
	}
	return append(s.steps, step{move: moveFinal})
}

// round is the part of the thread that leads to role r.
func (s *script) round(r role, again bool) {
	switch r {
	case roleNew:
		s.maybe(0.3, ticket.Customer, partNudge)
		s.maybe(0.3, ticket.Note, partNote)
	case roleWorking:
		s.maybe(0.5, ticket.Note, partNote)
		if !again && s.f.chance(0.5) {
			s.add(ticket.Reply, partAsk)
			s.add(ticket.Customer, partInfo)
		}
		s.add(ticket.Reply, partUpdate)
		s.maybe(0.25, ticket.Customer, partNudge)
	case roleWaiting:
		s.maybe(0.4, ticket.Note, partNote)
		s.maybe(0.3, ticket.Reply, partUpdate)
		s.add(ticket.Reply, partAsk)
	case roleResolved:
		s.solve()
		s.maybe(0.45, ticket.Customer, partThanks)
	case roleDeclined:
		s.maybe(0.6, ticket.Note, partNote)
		if s.f.chance(0.4) {
			s.add(ticket.Reply, partAsk)
			s.add(ticket.Customer, partInfo)
		}
		s.add(ticket.Reply, partDecline)
		s.maybe(0.3, ticket.Customer, partAccept)
	}
}

// solve is a round that ends with an operator's solution.
func (s *script) solve() {
	s.maybe(0.4, ticket.Note, partNote)
	if s.f.chance(0.6) {
		s.add(ticket.Reply, partAsk)
		s.add(ticket.Customer, partInfo)
	}
	if len(s.topic.updates) > 0 {
		s.add(ticket.Reply, partUpdate) // the topic's solutions build on its updates
		s.maybe(0.4, ticket.Customer, partConfirm)
	}
	s.add(ticket.Reply, partResolve)
}

// work are the replies that need work first, on a live channel too.
var work = []part{partUpdate, partResolve, partDecline, partRefix}

// replyDelay is how long an answer takes at most, by priority.
var replyDelay = [ticket.MaxPriority + 1]time.Duration{20 * time.Hour, 10 * time.Hour, 4 * time.Hour, time.Hour}

// schedule gives each step a time after the ticket's creation, squeezing
// the whole thread in before now when it would run into the future.
func (f *filler) schedule(p *plan, steps []step) {
	gaps := make([]time.Duration, len(steps))
	var total time.Duration
	for i, st := range steps {
		gaps[i] = f.gap(p, st)
		total += gaps[i]
	}
	scale := 1.0
	if room := f.opts.Now.Add(-2 * time.Minute).Sub(p.created); total > room {
		scale = float64(room) / float64(total)
	}
	at := p.created
	for i := range steps {
		at = at.Add(time.Duration(float64(gaps[i]) * scale))
		steps[i].at = db.Norm(at) // as the database keeps it: microseconds
	}
}

// gap is the time between a step and the one before it.
func (f *filler) gap(p *plan, st step) time.Duration {
	between := func(lo, hi time.Duration) time.Duration { return lo + time.Duration(f.rng.Int64N(int64(hi-lo))) }
	live := p.channel == ticket.Chat || p.channel == ticket.Widget
	switch {
	case st.move != moveNone:
		return between(2*time.Minute, 30*time.Minute)
	case st.part == partNudge:
		return between(20*time.Hour, 60*time.Hour)
	case st.part == partReopen:
		return between(24*time.Hour, 5*24*time.Hour)
	case live && st.kind != ticket.Note && !slices.Contains(work, st.part):
		return between(time.Minute, 12*time.Minute) // the conversation happens live; the work takes longer
	case st.kind == ticket.Note:
		return between(4*time.Minute, 3*time.Hour)
	case st.kind == ticket.Reply:
		hi := replyDelay[p.priority]
		return between(hi/12, hi)
	}
	return between(40*time.Minute, 30*time.Hour)
}
