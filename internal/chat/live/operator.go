package live

import (
	"context"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/events"
)

// listOpen reads every waiting and active chat for the panel's lists,
// sent first with the operator's availability. The rows read here are
// the ones sent: reading each again in the writer cost a query per chat
// (with thousands waiting, seconds during which this operator's
// messages waited behind the list). A change meanwhile marks the chat,
// and the writer sends it again after the list.
func (c *conn) listOpen(ctx context.Context) error {
	c.mark(0, dirtyPresence)
	var listed []chat.Chat
	for _, st := range []chat.State{chat.Queued, chat.Active} {
		cs, err := c.h.Chats.List(ctx, chat.Filter{State: st, Limit: 200})
		if err != nil {
			return err
		}
		listed = append(listed, cs...)
	}
	c.mu.Lock()
	c.listed = listed
	c.mu.Unlock()
	c.poke()
	return nil
}

func (c *conn) operatorFrame(ctx context.Context, f frame) error {
	c.seen(ctx)
	switch f.Type {
	case "resume":
		c.h.follow(c, f.ChatID)
		c.askResume(f.ChatID, f.After)
	case "unfollow":
		c.h.unfollow(c, f.ChatID)
		c.unfollowed(f.ChatID)
	case "message":
		return c.sendMessage(ctx, chat.NewMessage{ChatID: f.ChatID, Author: chat.Operator, OperatorID: c.operatorID,
			Body: f.Body, ClientID: f.ClientID})
	case "typing":
		c.typing(events.Event{ChatID: f.ChatID, From: "operator", OperatorID: c.operatorID, Name: c.name,
			Active: f.Active != nil && *f.Active, Private: f.First == "/"})
	case "read":
		c.readMark(events.Event{ChatID: f.ChatID, From: "operator", OperatorID: c.operatorID, Seq: f.Seq})
	default:
		return c.operatorAction(ctx, f)
	}
	return nil
}

func (c *conn) operatorAction(ctx context.Context, f frame) error {
	var err error
	switch f.Type {
	case "take":
		_, err = c.h.Chats.Take(ctx, f.ChatID, c.operatorID)
	case "transfer":
		_, err = c.h.Chats.TransferTo(ctx, f.ChatID, c.operatorID, f.OperatorID, f.TeamID)
	case "leave":
		_, err = c.h.Chats.LeaveChat(ctx, f.ChatID, c.operatorID)
	case "end":
		_, err = c.h.Chats.End(ctx, f.ChatID)
	default:
		err = errUnknownFrame
	}
	return err
}

// seen tells the database the operator is at work, at most twice a
// minute (their frames are the activity that keeps them from "away").
func (c *conn) seen(ctx context.Context) {
	if time.Since(c.lastSeen) < 30*time.Second {
		return
	}
	c.lastSeen = time.Now()
	_ = c.h.Chats.Seen(ctx, c.operatorID)
}

// heartbeat ends an operator's socket whose session is over.
func (c *conn) heartbeat(ctx context.Context) error {
	if c.alive != nil && !c.alive(ctx) {
		return context.Canceled
	}
	return nil
}
