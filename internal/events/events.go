// Package events carries "something happened to ticket N" to whoever
// listens: the agent app's live updates, later automations and webhooks.
// In one process it is a fan-out; on PostgreSQL it goes through
// LISTEN/NOTIFY so every node hears what any node did.
package events

import "sync"

// Event is one change, named by kind ("ticket.created", "message.created",
// "ticket.updated") and the ticket it concerns. Chat events ("chat.*",
// docs/chat.md) name a chat or a channel instead; typing and read marks,
// which have no rows, carry their few values along.
type Event struct {
	Kind      string `json:"kind"`
	TicketID  int64  `json:"ticket_id,omitempty"`
	ChatID    int64  `json:"chat_id,omitempty"`
	ChannelID int64  `json:"channel_id,omitempty"`
	// For chat.typing and chat.read: who ("visitor" or "operator"), the
	// operator's id and name, on or off, up to which seq, and whether only
	// operators may see it.
	From       string `json:"from,omitempty"`
	OperatorID int64  `json:"operator_id,omitempty"`
	Name       string `json:"name,omitempty"`
	Active     bool   `json:"active,omitempty"`
	Seq        int64  `json:"seq,omitempty"`
	Private    bool   `json:"private,omitempty"`
}

// Resync is delivered when the bus may have missed events (its listener
// reconnected): listeners that must miss nothing read again.
const Resync = "bus.resync"

// Notice is sent when operator OperatorID's notices change (one added or
// read); that operator's event streams count them again for the bell.
const Notice = "notification.created"

// IsChat reports whether e is a chat event; the ticket streams skip them.
func (e Event) IsChat() bool { return e.ChatID != 0 || e.ChannelID != 0 }

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

// Send delivers any event to every subscriber.
func (l *Local) Send(e Event) { l.h.deliver(e) }

// Subscribe starts receiving events.
func (l *Local) Subscribe() *Subscription { return l.h.subscribe() }
