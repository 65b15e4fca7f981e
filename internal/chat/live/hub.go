// Package live is live chat's WebSocket side (docs/chat.md): one bus
// subscription per node, and per socket a writer that sends what the
// database holds past the last seq it sent. Notifications carry ids
// only, so a duplicate or a late one costs a read, never a duplicate
// message, and a lost one is healed by the next read or a resync.
package live

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/events"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// Bus is the event bus every node shares.
type Bus interface {
	Send(e events.Event)
	Subscribe() *events.Subscription
}

// Hub holds this node's chat sockets.
type Hub struct {
	Chats *chat.Service
	Bus   Bus
	Log   *slog.Logger
	// Sends limits messages per chat and per client address; nil: none.
	Sends httpx.Limiter
	// Ping is how often sockets are pinged (0: 25 s).
	Ping time.Duration

	once      sync.Once
	mu        sync.Mutex
	byChat    map[int64]map[*conn]struct{}
	operators map[*conn]struct{}
	visitors  map[*conn]struct{}
	ctx       context.Context // ends with the hub; every socket's parent
	stop      func()

	// Channels whose queue moved, for the queue loop (queues.go).
	qmu    sync.Mutex
	qmoved map[int64]bool
	qwake  chan struct{}
}

// start subscribes to the bus on first use, so the bus chosen at start
// (UseBus) is the one heard.
func (h *Hub) start() {
	h.once.Do(func() {
		h.byChat = map[int64]map[*conn]struct{}{}
		h.operators = map[*conn]struct{}{}
		h.visitors = map[*conn]struct{}{}
		h.qmoved, h.qwake = map[int64]bool{}, make(chan struct{}, 1)
		if h.Log == nil {
			h.Log = slog.Default()
		}
		sub := h.Bus.Subscribe()
		ctx, cancel := context.WithCancel(context.Background())
		h.ctx = ctx
		h.stop = func() { cancel(); sub.Close() }
		go h.run(ctx, sub)
		go h.pings(ctx)
		go h.queues(ctx)
	})
}

func (h *Hub) base() context.Context {
	h.start()
	return h.ctx
}

// pings asks every socket for a ping in turn, spread over the period so
// that thousands of sockets are not pinged in one burst.
func (h *Hub) pings(ctx context.Context) {
	every := h.pingEvery()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		all := h.all()
		if len(all) == 0 {
			continue
		}
		gap := every / 2 / time.Duration(len(all))
		for _, c := range all {
			c.askPing()
			if gap > 0 {
				select {
				case <-ctx.Done():
					return
				case <-time.After(gap):
				}
			}
		}
	}
}

func (h *Hub) all() []*conn {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]*conn, 0, len(h.visitors)+len(h.operators))
	for c := range h.visitors {
		out = append(out, c)
	}
	for c := range h.operators {
		out = append(out, c)
	}
	return out
}

// Close stops hearing the bus (tests; a server's hub lives as long as it).
func (h *Hub) Close() {
	h.start()
	h.stop()
}

func (h *Hub) run(ctx context.Context, sub *events.Subscription) {
	dropped := 0
	for {
		select {
		case <-ctx.Done():
			return
		case e, ok := <-sub.C:
			if !ok {
				return
			}
			if n := sub.Dropped(); n != dropped || e.Kind == events.Resync {
				dropped = n
				h.resync()
			}
			h.dispatch(e)
		}
	}
}

// dispatch hands an event to the sockets it concerns.
func (h *Hub) dispatch(e events.Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch e.Kind {
	case chat.KindMessage:
		for c := range h.byChat[e.ChatID] {
			c.mark(e.ChatID, dirtyMessages)
		}
	case chat.KindState:
		for c := range h.byChat[e.ChatID] {
			c.mark(e.ChatID, dirtyState)
		}
		for c := range h.operators {
			c.mark(e.ChatID, dirtyList)
		}
	case chat.KindQueue:
		h.queueMoved(e.ChannelID)
	case chat.KindTyping, chat.KindRead:
		for c := range h.byChat[e.ChatID] {
			c.ephemeral(e)
		}
	case chat.KindPresence:
		for c := range h.operators {
			if c.operatorID == e.OperatorID {
				c.mark(0, dirtyPresence)
			}
		}
	}
}

// resync makes every socket read again what it follows.
func (h *Hub) resync() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for chatID, cs := range h.byChat {
		for c := range cs {
			c.mark(chatID, dirtyMessages|dirtyState)
		}
	}
}

func (h *Hub) add(c *conn) {
	h.start()
	h.mu.Lock()
	defer h.mu.Unlock()
	if c.visitor {
		h.visitors[c] = struct{}{}
		h.followLocked(c, c.chatID)
	} else {
		h.operators[c] = struct{}{}
	}
}

// remove forgets a socket: only the chats it followed are touched, so
// closing many sockets costs each its own few chats.
func (h *Hub) remove(c *conn) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.visitors, c)
	delete(h.operators, c)
	for id := range c.followed {
		h.unfollowLocked(c, id)
	}
}

func (h *Hub) follow(c *conn, chatID int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.followLocked(c, chatID)
}

// followLocked and unfollowLocked keep byChat and the socket's own list
// (guarded by h.mu) in step.
func (h *Hub) followLocked(c *conn, chatID int64) {
	if h.byChat[chatID] == nil {
		h.byChat[chatID] = map[*conn]struct{}{}
	}
	h.byChat[chatID][c] = struct{}{}
	if c.followed == nil {
		c.followed = map[int64]struct{}{}
	}
	c.followed[chatID] = struct{}{}
}

func (h *Hub) unfollow(c *conn, chatID int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.unfollowLocked(c, chatID)
}

func (h *Hub) unfollowLocked(c *conn, chatID int64) {
	delete(h.byChat[chatID], c)
	if len(h.byChat[chatID]) == 0 {
		delete(h.byChat, chatID)
	}
	delete(c.followed, chatID)
}

// Sockets counts this node's open sockets (for the benchmark).
func (h *Hub) Sockets() int {
	h.start()
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.visitors) + len(h.operators)
}
