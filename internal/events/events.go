// Package events carries "something happened to ticket N" to whoever
// listens: the agent app's live updates, later automations and webhooks.
// In one process it is a fan-out; on PostgreSQL it goes through
// LISTEN/NOTIFY so every node hears what any node did.
package events

import "sync"

// Event is one change, named by kind ("ticket.created", "message.created",
// "ticket.updated") and the ticket it concerns.
type Event struct {
	Kind     string `json:"kind"`
	TicketID int64  `json:"ticket_id"`
}

// hub fans events out to subscribers. A subscriber that falls behind loses
// events rather than slowing the publisher; its Dropped count tells it to
// reload instead.
type hub struct {
	mu   sync.Mutex
	subs map[*Subscription]struct{}
}

// Subscription receives events on C until Close.
type Subscription struct {
	C       <-chan Event
	c       chan Event
	h       *hub
	mu      sync.Mutex
	dropped int
	closed  bool
}

// bufferSize is how many events a subscriber may have unread.
const bufferSize = 256

func (h *hub) subscribe() *Subscription {
	c := make(chan Event, bufferSize)
	s := &Subscription{C: c, c: c, h: h}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs == nil {
		h.subs = map[*Subscription]struct{}{}
	}
	h.subs[s] = struct{}{}
	return s
}

func (h *hub) deliver(e Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		select {
		case s.c <- e:
		default:
			s.mu.Lock()
			s.dropped++
			s.mu.Unlock()
		}
	}
}

// Dropped reports how many events did not fit in the buffer.
func (s *Subscription) Dropped() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dropped
}

// Close stops delivery and closes C.
func (s *Subscription) Close() {
	s.h.mu.Lock()
	defer s.h.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	delete(s.h.subs, s)
	close(s.c)
}

// Local is the bus of a single process (SQLite runs on one node).
type Local struct{ h hub }

// Publish delivers e to every subscriber.
func (l *Local) Publish(kind string, ticketID int64) {
	l.h.deliver(Event{Kind: kind, TicketID: ticketID})
}

// Subscribe starts receiving events.
func (l *Local) Subscribe() *Subscription { return l.h.subscribe() }
