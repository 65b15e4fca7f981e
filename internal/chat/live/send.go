package live

import (
	"context"
	"errors"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// send writes what is due about one chat (chatID 0: the operator's own
// availability).
func (c *conn) send(ctx context.Context, chatID int64, what int) error {
	if what&dirtyPresence != 0 {
		if err := c.sendPresence(ctx); err != nil {
			return err
		}
	}
	if chatID == 0 {
		return nil
	}
	_, following := c.sent[chatID]
	if what&(dirtyState|dirtyList) != 0 {
		c.readingState()
		ch, err := c.h.Chats.Get(ctx, chatID)
		if errors.Is(err, chat.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		c.sawState(&ch)
		if what&dirtyState != 0 && following {
			if err := c.writeState(ctx, &ch); err != nil {
				return err
			}
		}
		if what&dirtyList != 0 && !c.visitor {
			if err := c.writeJSON(ctx, frame{Type: "chat", Chat: &ch}); err != nil {
				return err
			}
		}
	}
	if what&dirtyPlace != 0 && what&dirtyState == 0 && following {
		if ch := c.placeDue(); ch != nil {
			if err := c.writeState(ctx, ch); err != nil {
				return err
			}
		}
	}
	if what&dirtyMessages != 0 && following {
		return c.sendMessages(ctx, chatID)
	}
	return nil
}

func (c *conn) writeState(ctx context.Context, ch *chat.Chat) error {
	if c.visitor {
		c.shown(ch)
	}
	return c.writeJSON(ctx, frame{Type: "state", Chat: ch})
}

// sendMessages sends every message past the last seq sent, in order;
// visitors never get private ones.
func (c *conn) sendMessages(ctx context.Context, chatID int64) error {
	for {
		after := c.sent[chatID]
		ms, err := c.h.Chats.Messages(ctx, chatID, after, !c.visitor)
		if err != nil {
			return err
		}
		for i := range ms {
			if err := c.writeJSON(ctx, frame{Type: "message", ChatID: chatID, Message: &ms[i]}); err != nil {
				return err
			}
			c.sent[chatID] = ms[i].Seq
		}
		if len(ms) < chat.MaxReplay {
			return nil
		}
	}
}

func (c *conn) sendPresence(ctx context.Context) error {
	a, err := c.h.Chats.Availability(ctx, c.operatorID)
	if err != nil {
		return err
	}
	n := a.Active
	return c.writeJSON(ctx, frame{Type: "availability", Status: a.Effective, Capacity: a.Capacity, Active2: &n})
}
