package live

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// Waiting visitors see their place in the queue. A queue change used to
// make every waiting visitor's socket read its chat and count its place:
// with 3,000 waiting, one change cost 3,000 queries each scanning the
// queue. Now one loop per node reads a moved queue once (changes that
// arrive meanwhile are taken together on the next turn) and hands each
// of its waiting sockets its row; a socket whose place did not change
// is not even woken.

// queueMoved notes a channel for the queue loop.
func (h *Hub) queueMoved(channelID int64) {
	h.qmu.Lock()
	h.qmoved[channelID] = true
	h.qmu.Unlock()
	select {
	case h.qwake <- struct{}{}:
	default: // a wake-up is pending already
	}
}

func (h *Hub) takeMoved() []int64 {
	h.qmu.Lock()
	defer h.qmu.Unlock()
	out := make([]int64, 0, len(h.qmoved))
	for id := range h.qmoved {
		out = append(out, id)
	}
	clear(h.qmoved)
	return out
}

func (h *Hub) queues(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-h.qwake:
		}
		for _, id := range h.takeMoved() {
			h.pushPlaces(ctx, id)
		}
	}
}

// pushPlaces reads a channel's queue, if a visitor of this node waits
// in it, and hands each waiting socket its chat.
func (h *Hub) pushPlaces(ctx context.Context, channelID int64) {
	waiting := h.waitingIn(channelID)
	if len(waiting) == 0 {
		return
	}
	q, err := h.Chats.Queue(ctx, channelID)
	if err != nil {
		if ctx.Err() == nil {
			h.Log.Error("chat queue", "channel", channelID, "err", err)
		}
		return
	}
	for i := range q {
		for _, c := range waiting[q[i].ID] {
			c.queued(&q[i])
		}
	}
}

// waitingIn lists this node's visitor sockets on a channel by chat, of
// the chats in its queue: a visitor with an operator (most of them) has
// no place to show, and a node with none waiting reads no queue.
func (h *Hub) waitingIn(channelID int64) map[int64][]*conn {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := map[int64][]*conn{}
	for c := range h.visitors {
		if c.channelID.Load() == channelID && !c.notWaiting.Load() {
			out[c.chatID] = append(out[c.chatID], c)
		}
	}
	return out
}

// readingState counts the visitor as waiting while their chat is read:
// a queue that moves meanwhile reaches them, whatever the read finds.
func (c *conn) readingState() {
	if c.visitor {
		c.notWaiting.Store(false)
	}
}

// sawState records where the visitor's chat stands as read: its channel,
// and whether it waits in the queue (a chat that enters the queue later
// is announced, and read again).
func (c *conn) sawState(ch *chat.Chat) {
	if c.visitor {
		c.channelID.Store(ch.ChannelID)
		c.notWaiting.Store(ch.State != chat.Queued || ch.Bot != "")
	}
}

// queued gives a waiting visitor's socket its chat as the queue read
// found it; nothing is due when the place shown is the same (and a row
// handed over before and not yet sent is outdated).
func (c *conn) queued(ch *chat.Chat) {
	c.mu.Lock()
	if c.shownPlace == ch.Place {
		c.inQueue = nil
		c.mu.Unlock()
		return
	}
	c.inQueue = ch
	c.due(ch.ID, dirtyPlace)
	c.mu.Unlock()
	c.poke()
}

// placeDue is the chat to send for a dirtyPlace, taken with the marks:
// only if it moves the place the socket last showed (a chat shown
// active since is newer than any queue read that still says queued; a
// chat queued again gets its own state frame).
func (c *conn) placeDue() *chat.Chat {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.shownPlace == 0 || c.taken == nil || c.taken.Place == c.shownPlace {
		return nil
	}
	return c.taken
}

// shown records the place a state frame showed (0: not waiting).
func (c *conn) shown(ch *chat.Chat) {
	c.mu.Lock()
	c.shownPlace = 0
	if ch.State == chat.Queued {
		c.shownPlace = ch.Place
	}
	c.mu.Unlock()
}
