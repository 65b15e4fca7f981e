package chat

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Webhooks queues deliveries inside the chat's transaction
// (webhook.Service), so a chat_started exists exactly when the chat does.
type Webhooks interface {
	Enqueue(ctx context.Context, tx *db.Tx, event string, payload any) error
}

// hook queues event with the chat as it is in tx: its state, channel,
// operator and visitor, never its messages.
func (s *Service) hook(ctx context.Context, tx *db.Tx, event string, chatID int64) error {
	if s.Webhooks == nil {
		return nil
	}
	c, err := lockChat(ctx, tx, chatID)
	if err != nil {
		return err
	}
	return s.Webhooks.Enqueue(ctx, tx, event, map[string]any{"chat": c})
}
