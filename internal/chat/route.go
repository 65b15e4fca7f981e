package chat

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
)

// PreviousWithin is how far back the visitor's earlier operator counts.
const previousDays = 7

// route gives a queued chat an operator: the visitor's operator of the
// last 7 days if they are online with a free seat, else the channel's
// online operator with the fewest active chats; else it stays queued.
// exclude is an operator not to pick (the one who just left it).
func (s *Service) route(ctx context.Context, tx *db.Tx, chatID, channelID, exclude int64, ch *changes) error {
	prev, err := s.previousOperator(ctx, tx, chatID, channelID)
	if err != nil {
		return err
	}
	candidates, err := s.candidates(ctx, tx, channelID)
	if err != nil {
		return err
	}
	if prev != 0 {
		candidates = append([]int64{prev}, candidates...)
	}
	for _, op := range candidates {
		if op == exclude {
			continue
		}
		ok, err := s.assign(ctx, tx, chatID, op, false)
		if ok {
			ch.chat(chatID)
			ch.queue(channelID)
		}
		if err != nil || ok {
			return err
		}
	}
	return nil
}

// previousOperator is the operator of the visitor's latest earlier chat
// on this channel within 7 days, by browser or by signed identity.
func (s *Service) previousOperator(ctx context.Context, tx *db.Tx, chatID, channelID int64) (int64, error) {
	var op int64
	rows, err := tx.QueryContext(ctx, `SELECT p.operator_id FROM chats c JOIN chats p ON p.channel_id = c.channel_id
		AND p.id <> c.id AND p.operator_id IS NOT NULL AND p.created_at > $3
		AND ((c.visitor_key <> '' AND p.visitor_key = c.visitor_key) OR (c.external_id <> '' AND p.external_id = c.external_id))
		WHERE c.id = $1 AND c.channel_id = $2 ORDER BY p.created_at DESC LIMIT 1`,
		chatID, channelID, s.now().AddDate(0, 0, -previousDays))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if rows.Next() {
		err = rows.Scan(&op)
	}
	return op, err
}

// candidates are the channel's online operators with a free seat, fewest
// active chats first, then the one longest without a new chat.
func (s *Service) candidates(ctx context.Context, tx *db.Tx, channelID int64) ([]int64, error) {
	return db.Int64s(ctx, tx, `SELECT o.operator_id FROM chat_operators o JOIN chat_channel_operators m
		ON m.operator_id = o.operator_id WHERE m.channel_id = $1 AND o.status = 'online' AND o.last_seen_at > $2
		AND o.active < o.capacity ORDER BY o.active, o.last_assigned_at IS NOT NULL, o.last_assigned_at, o.operator_id`,
		channelID, s.cutoff(s.now()))
}

// assign gives a queued chat to op. The seat is taken first with one
// conditional update of the operator's row (online, a free seat), so two
// nodes routing at once never put a fifth chat on a full operator; force
// (an operator taking a chat by hand) skips the seat check.
func (s *Service) assign(ctx context.Context, tx *db.Tx, chatID, op int64, force bool) (bool, error) {
	now := s.now()
	seat, args := `UPDATE chat_operators SET active = active + 1, last_assigned_at = $2 WHERE operator_id = $1
		AND status = 'online' AND last_seen_at > $3 AND active < capacity`, []any{op, now, s.cutoff(now)}
	if force {
		seat, args = `UPDATE chat_operators SET active = active + 1, last_assigned_at = $2 WHERE operator_id = $1`,
			args[:2]
	}
	res, err := tx.ExecContext(ctx, seat, args...)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	// An operator who takes a chat from its chatbot ends the bot's part.
	res, err = tx.ExecContext(ctx, `UPDATE chats SET state = 'active', operator_id = $1, assigned_at = $2,
		bot_state = CASE WHEN bot_state = 'running' THEN 'done' ELSE bot_state END
		WHERE id = $3 AND state = 'queued'`, op, now, chatID)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, release(ctx, tx, op) // gone meanwhile: give the seat back
	}
	return true, nil
}

// release frees one seat of op.
func release(ctx context.Context, tx *db.Tx, op int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE chat_operators SET active = active - 1 WHERE operator_id = $1 AND active > 0`, op)
	return err
}

// fill gives op the oldest waiting chats of their channels while they
// have free seats; skip is a chat not to take (the one they just left).
func (s *Service) fill(ctx context.Context, tx *db.Tx, op, skip int64, ch *changes) error {
	for range 50 {
		var chatID, channelID int64
		rows, err := tx.QueryContext(ctx, `SELECT c.id, c.channel_id FROM chats c JOIN chat_channel_operators m
			ON m.channel_id = c.channel_id AND m.operator_id = $1 WHERE c.state = 'queued' AND c.id <> $2
			AND c.bot_state <> 'running' ORDER BY c.queued_at, c.id LIMIT 1`, op, skip)
		if err != nil {
			return err
		}
		found := rows.Next()
		if found {
			err = rows.Scan(&chatID, &channelID)
		}
		rows.Close()
		if err != nil || !found {
			return err
		}
		ok, err := s.assign(ctx, tx, chatID, op, false)
		if err != nil || !ok {
			return err
		}
		ch.chat(chatID)
		ch.queue(channelID)
	}
	return nil
}
