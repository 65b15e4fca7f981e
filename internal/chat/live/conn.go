package live

import (
	"bufio"
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/events"
)

// What a socket must send again about a chat.
const (
	dirtyMessages = 1 << iota // messages past the last seq sent
	dirtyState                // the chat's state frame (visitors, followers)
	dirtyList                 // the operator panel's chat frame
	dirtyPresence             // the operator's own availability
	dirtyPlace                // a visitor's place in the queue (queues.go)
)

// conn is one socket: a visitor's (one chat) or an operator's (the
// chats they follow, plus the panel's list).
type conn struct {
	h         *Hub
	ws        *websocket.Conn
	br        *bufio.Reader // what ws reads from (readLoop)
	visitor   bool
	chatID    int64 // visitor only
	channelID atomic.Int64
	// notWaiting: the visitor's chat, as last read, is not in the queue
	// (held by an operator or a bot, or over), so queue moves skip it.
	notWaiting atomic.Bool
	operatorID int64
	name       string
	addr       string

	followed map[int64]struct{} // chats in h.byChat; guarded by h.mu

	mu         sync.Mutex
	sent       map[int64]int64 // followed chat -> last seq sent; absent: not following yet
	dirty      map[int64]int
	out        [][]byte        // frames without rows (typing, read, ack, error)
	listed     []chat.Chat     // operators: the panel's first list, to send
	resume     map[int64]int64 // resumes asked for, applied by the writer
	lastTyping time.Time       // typing marks are forwarded at most once a second
	lastRead   time.Time       // read marks too
	lastSeen   time.Time       // operators: when Seen was last written
	alive      func(context.Context) bool
	pingDue    bool
	inQueue    *chat.Chat // visitors: their chat as the queue loop read it
	taken      *chat.Chat // inQueue as take found it
	shownPlace int        // visitors: the place last sent (0: not waiting)

	// An idle socket holds no writer goroutine: poke starts one when
	// something is due, and it ends when nothing is (writing says one
	// runs). ctx ends with the socket.
	writing atomic.Bool
	ctx     context.Context
	cancel  context.CancelFunc
}

func newConn(h *Hub, ws *websocket.Conn, br *bufio.Reader) *conn {
	ctx, cancel := context.WithCancel(h.base())
	return &conn{h: h, ws: ws, br: br, sent: map[int64]int64{},
		ctx: ctx, cancel: cancel}
}

// poke makes sure a writer runs for what was just marked.
func (c *conn) poke() {
	if c.writing.CompareAndSwap(false, true) {
		go c.drain()
	}
}

// drain writes until nothing is due. A mark made after the last take is
// seen either by the check below or by its own poke, which finds
// writing false again.
func (c *conn) drain() {
	for {
		if err := c.flush(c.ctx); err != nil {
			c.cancel() // ends the read loop, which closes the socket
			return
		}
		c.writing.Store(false)
		if !c.pending() || !c.writing.CompareAndSwap(false, true) {
			return
		}
	}
}

func (c *conn) pending() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pingDue || len(c.dirty) > 0 || len(c.out) > 0 || len(c.resume) > 0 || len(c.listed) > 0
}

// askPing has the writer ping the client (the hub asks every socket in
// turn).
func (c *conn) askPing() {
	c.mu.Lock()
	c.pingDue = true
	c.mu.Unlock()
	c.poke()
}

func (c *conn) mark(chatID int64, what int) {
	c.mu.Lock()
	c.due(chatID, what)
	c.mu.Unlock()
	c.poke()
}

// due and resumeAt fill the marks, made only when something is due: an
// idle socket holds neither map (c.mu held).
func (c *conn) due(chatID int64, what int) {
	if c.dirty == nil {
		c.dirty = map[int64]int{}
	}
	c.dirty[chatID] |= what
}

func (c *conn) resumeAt(chatID, after int64) {
	if c.resume == nil {
		c.resume = map[int64]int64{}
	}
	c.resume[chatID] = after
}

// maxQueued bounds frames waiting for a slow socket; typing marks past it
// are dropped (they are stale by then anyway).
const maxQueued = 256

func (c *conn) queue(v any) {
	b, _ := json.Marshal(v)
	c.mu.Lock()
	if len(c.out) < maxQueued {
		c.out = append(c.out, b)
	}
	c.mu.Unlock()
	c.poke()
}

// ephemeral forwards a typing or read mark, unless it is the socket's own
// or, for a visitor, one they must not see (an operator typing a command).
func (c *conn) ephemeral(e events.Event) {
	if c.visitor && (e.From == "visitor" || e.Private) {
		return
	}
	if !c.visitor && e.From == "operator" && e.OperatorID == c.operatorID {
		return
	}
	f := frame{Type: "typing", ChatID: e.ChatID, From: e.From, Name: e.Name, Active: &e.Active}
	if e.Kind == chat.KindRead {
		f = frame{Type: "read", ChatID: e.ChatID, By: e.From, Seq: e.Seq}
	}
	c.queue(f)
}

// askResume records a resume for the writer, which alone moves the last
// seq sent: a resume can never race a read under way.
func (c *conn) askResume(chatID, after int64) {
	c.mu.Lock()
	c.resumeAt(chatID, max(after, 0))
	c.due(chatID, dirtyMessages|dirtyState)
	c.mu.Unlock()
	c.poke()
}

// take swaps out what is due.
func (c *conn) take() (dirty map[int64]int, out [][]byte, listed []chat.Chat, ping bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, after := range c.resume {
		if after < 0 {
			delete(c.sent, id)
		} else {
			c.sent[id] = after
		}
	}
	dirty, out, listed, ping = c.dirty, c.out, c.listed, c.pingDue
	c.dirty, c.out, c.resume, c.pingDue, c.listed = nil, nil, nil, false, nil
	c.taken, c.inQueue = c.inQueue, nil
	return dirty, out, listed, ping
}

func (c *conn) dropTaken() {
	c.mu.Lock()
	c.taken = nil
	c.mu.Unlock()
}

// unfollowed forgets a chat's last seq (the writer reads it).
func (c *conn) unfollowed(chatID int64) {
	c.mu.Lock()
	c.resumeAt(chatID, -1)
	c.mu.Unlock()
}

// flush is the socket's only writer (drain runs one at a time): it
// pings when due, sends queued frames, then for each dirty chat its
// state and its messages past the last seq sent.
func (c *conn) flush(ctx context.Context) error {
	dirty, out, listed, ping := c.take()
	defer c.dropTaken() // the queue read it points into is let go
	if ping {
		if err := c.ping(ctx); err != nil {
			return err
		}
	}
	for _, b := range out {
		if err := c.write(ctx, b); err != nil {
			return err
		}
	}
	if len(listed) > 0 {
		if err := c.sendList(ctx, dirty, listed); err != nil {
			return err
		}
	}
	for chatID, what := range dirty {
		if err := c.send(ctx, chatID, what); err != nil {
			return err
		}
	}
	return nil
}

// sendList sends the operator's availability, then the panel's first
// list; changes marked meanwhile follow it.
func (c *conn) sendList(ctx context.Context, dirty map[int64]int, listed []chat.Chat) error {
	if what, ok := dirty[0]; ok {
		if err := c.send(ctx, 0, what); err != nil {
			return err
		}
		delete(dirty, 0)
	}
	for i := range listed {
		if err := c.writeJSON(ctx, frame{Type: "chat", Chat: &listed[i]}); err != nil {
			return err
		}
	}
	return nil
}

// ping sends a "ping" data frame, which clients ignore: it keeps proxies
// from closing an idle socket and puts bytes in flight, so a peer that
// vanished is found by giveUpUnacked. A protocol ping would be answered
// by a pong frame that the library reads while it waits for the next
// data frame, deep in its own calls (readLoop).
func (c *conn) ping(ctx context.Context) error {
	if err := c.write(ctx, pingFrame); err != nil {
		return err
	}
	return c.heartbeat(ctx)
}

var pingFrame = []byte(`{"type":"ping"}`)

func (c *conn) write(ctx context.Context, b []byte) error {
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return c.ws.Write(wctx, websocket.MessageText, b)
}

func (c *conn) writeJSON(ctx context.Context, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.write(ctx, b)
}

func (h *Hub) pingEvery() time.Duration {
	if h.Ping > 0 {
		return h.Ping
	}
	return 25 * time.Second
}
