package ticket

import (
	"context"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Respond adds m to ticket id's thread and applies p in one transaction:
// an answer and the status it leaves the ticket in ("Send and close") are
// one act. When m is a public reply it is the customer's only mail: a
// move to a closed status sends no second notice. A refused change keeps
// the message out too, so nothing is half done.
func (s *Service) Respond(ctx context.Context, id int64, m NewMessage, p Patch) (Message, error) {
	m.Body = strings.TrimSpace(m.Body)
	if err := m.validate(); err != nil {
		return Message{}, err
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = db.Now()
	}
	p.answered = m.Kind == Reply
	var msgID int64
	err := s.DB.WithTx(ctx, func(tx *db.Tx) (err error) {
		if msgID, err = s.addMessageTx(ctx, tx, id, m); err != nil {
			return err
		}
		t, err := s.getBy(ctx, tx, `t.id = $1`, id)
		if err != nil {
			return err
		}
		return s.applyPatch(ctx, tx, t, p)
	})
	if err != nil {
		return Message{}, err
	}
	s.publish("message.created", id)
	s.publish("ticket.updated", id)
	return s.message(ctx, msgID)
}
