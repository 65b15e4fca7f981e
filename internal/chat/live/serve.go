package live

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/coder/websocket"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/events"
)

// acceptOptions: the caller checked the origin; frames are small JSON, so
// compression would cost more memory per socket than it saves.
var acceptOptions = &websocket.AcceptOptions{InsecureSkipVerify: true, CompressionMode: websocket.CompressionDisabled}

// maxFrame bounds one frame from a client: a 10,000-character message
// in UTF-8 with its JSON around it.
const maxFrame = 64 << 10

// Visitor serves a visitor's socket for the chat their token named; the
// caller has checked the token and the origin. The socket outlives the
// request: its reader runs on a fresh goroutine, so an idle socket keeps
// neither the handler's deep stack nor the request.
func (h *Hub) Visitor(w http.ResponseWriter, r *http.Request, ch chat.Chat, addr string) error {
	sb := &smallBuffers{ResponseWriter: w}
	ws, err := websocket.Accept(sb, r, acceptOptions)
	if err != nil {
		return nil // Accept has answered
	}
	c := newConn(h, ws, sb.br)
	c.visitor, c.chatID, c.addr = true, ch.ID, addr
	c.channelID.Store(ch.ChannelID)
	go h.serve(c, c.visitorFrame)
	return nil
}

// Operator serves an operator's socket; the caller has checked the
// session and the origin. alive reports whether the session still holds
// (checked at every ping).
func (h *Hub) Operator(w http.ResponseWriter, r *http.Request, op chat.Person, alive func(context.Context) bool) error {
	sb := &smallBuffers{ResponseWriter: w}
	ws, err := websocket.Accept(sb, r, acceptOptions)
	if err != nil {
		return nil
	}
	c := newConn(h, ws, sb.br)
	c.operatorID, c.name, c.alive = op.ID, op.Name, alive
	if err := c.listOpen(r.Context()); err != nil {
		c.cancel()
		ws.Close(websocket.StatusInternalError, "try again")
		return err
	}
	go h.serve(c, c.operatorFrame)
	return nil
}

// serve reads until the client goes or the writer fails (which cancels
// the socket's context).
func (h *Hub) serve(c *conn, handle func(context.Context, frame) error) {
	h.add(c)
	defer h.remove(c)
	defer c.cancel()
	// The reader waits outside the library (readLoop), where the socket's
	// context cannot reach it: ending the context closes the connection.
	defer context.AfterFunc(c.ctx, func() { c.ws.CloseNow() })()
	c.ws.SetReadLimit(maxFrame)
	err := c.readLoop(c.ctx, handle)
	if websocket.CloseStatus(err) == -1 {
		c.ws.Close(websocket.StatusNormalClosure, "")
	}
}

// readLoop waits for each frame's first byte itself before the library
// reads the frame: an idle socket's reader is then parked a few small
// calls deep instead of a dozen inside the library, which lets the
// runtime halve its stack (it shrinks a stack only while less than a
// quarter of it is in use; docs/benchmarks.md, live chat). Clients send
// only data frames and the close (the server's pings are data frames,
// see ping), so the library never goes back to waiting on its own.
func (c *conn) readLoop(ctx context.Context, handle func(context.Context, frame) error) error {
	for {
		if _, err := c.br.Peek(1); err != nil {
			return err
		}
		if err := c.readFrame(ctx, handle); err != nil {
			return err
		}
	}
}

// readFrame reads and handles one frame; kept out of readLoop so that
// its locals are not on the stack of a reader that waits.
//
//go:noinline
func (c *conn) readFrame(ctx context.Context, handle func(context.Context, frame) error) error {
	_, b, err := c.ws.Read(ctx)
	if err != nil {
		return err
	}
	var f frame
	if json.Unmarshal(b, &f) != nil {
		c.queue(errFrame("bad_frame", "send one JSON object per frame", ""))
		return nil
	}
	if err := handle(ctx, f); err != nil {
		c.queue(errFrame(code(err), message(err), f.ClientID))
	}
	return nil
}

func (c *conn) visitorFrame(ctx context.Context, f frame) error {
	switch f.Type {
	case "resume":
		c.askResume(c.chatID, f.After)
	case "message":
		return c.sendMessage(ctx, chat.NewMessage{ChatID: c.chatID, Author: chat.Visitor, Body: f.Body, ClientID: f.ClientID})
	case "typing":
		c.typing(events.Event{ChatID: c.chatID, From: "visitor", Active: f.Active != nil && *f.Active})
	case "read":
		c.readMark(events.Event{ChatID: c.chatID, From: "visitor", Seq: f.Seq})
	case "page":
		if !c.allowed(ctx, c.chatID) {
			return errRateLimited // each page is a row: it spends the message budget
		}
		return c.h.Chats.Visited(ctx, c.chatID, f.URL, f.Title)
	default:
		return errUnknownFrame
	}
	return nil
}

var errUnknownFrame = domain.Invalid("type", "is not a frame type of this socket")

// sendMessage commits a message within the rate limits and acknowledges
// it; the message itself reaches the sender like everyone else, from
// the database.
func (c *conn) sendMessage(ctx context.Context, m chat.NewMessage) error {
	if !c.allowed(ctx, m.ChatID) {
		return errRateLimited
	}
	msg, err := c.h.Chats.Post(ctx, m)
	if err != nil {
		return err
	}
	c.queue(frame{Type: "ack", ChatID: m.ChatID, ClientID: m.ClientID, Seq: msg.Seq})
	return nil
}

var errRateLimited = errors.New("rate limited")

func (c *conn) allowed(ctx context.Context, chatID int64) bool {
	if c.h.Sends == nil {
		return true
	}
	who := "chat:" + strconv.FormatInt(chatID, 10)
	if !c.visitor {
		who = "operator:" + strconv.FormatInt(c.operatorID, 10)
	}
	return c.h.Sends.Allow(ctx, who) && (c.addr == "" || c.h.Sends.Allow(ctx, "addr:"+c.addr))
}

// typing forwards a typing mark at most once a second, or when it stops.
func (c *conn) typing(e events.Event) {
	now := time.Now()
	if e.Active && now.Sub(c.lastTyping) < time.Second {
		return
	}
	c.lastTyping = now
	e.Kind = chat.KindTyping
	c.h.Bus.Send(e)
}

// readMark forwards a read mark at most once a second: each is a NOTIFY
// on PostgreSQL, and a client must not be able to flood the bus.
func (c *conn) readMark(e events.Event) {
	now := time.Now()
	if now.Sub(c.lastRead) < time.Second {
		return
	}
	c.lastRead = now
	e.Kind = chat.KindRead
	c.h.Bus.Send(e)
}

// code names an error for the client (docs/chat.md).
func code(err error) string {
	var ve *domain.ValidationError
	switch {
	case errors.Is(err, errRateLimited):
		return "rate_limited"
	case errors.Is(err, chat.ErrTooLong):
		return "too_long"
	case errors.Is(err, chat.ErrEmpty):
		return "empty"
	case errors.Is(err, chat.ErrEnded):
		return "chat_ended"
	case errors.Is(err, chat.ErrUnknownCommand):
		return "unknown_command"
	case errors.Is(err, chat.ErrUnavailable):
		return "unavailable"
	case errors.Is(err, domain.ErrNotFound):
		return "not_found"
	case errors.Is(err, domain.ErrForbidden):
		return "forbidden"
	case errors.Is(err, domain.ErrConflict):
		return "conflict"
	case errors.As(err, &ve):
		return "invalid"
	}
	return "internal"
}

func message(err error) string {
	if code(err) == "internal" {
		return "something went wrong; try again"
	}
	if errors.Is(err, errRateLimited) {
		return "too many messages; wait a moment"
	}
	return err.Error()
}
