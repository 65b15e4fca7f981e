package chat

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Take gives a waiting chat to the operator, whatever their load. A chat
// another operator holds is a conflict.
func (s *Service) Take(ctx context.Context, chatID, op int64) (Chat, error) {
	return s.change(ctx, chatID, func(tx *db.Tx, c Chat, ch *changes) error {
		if c.State != Queued {
			return domain.Conflict("the chat is not waiting any more")
		}
		if err := ensureOperator(ctx, tx, op, s.now()); err != nil {
			return err
		}
		ok, err := s.assign(ctx, tx, chatID, op, true)
		if err == nil && !ok {
			err = domain.Conflict("the chat is not waiting any more")
		}
		ch.queue(c.ChannelID)
		return err
	})
}

// ensureOperator gives op a row of availability, so a seat can be counted.
func ensureOperator(ctx context.Context, tx *db.Tx, op int64, now any) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO chat_operators (operator_id, status, capacity, last_seen_at)
		VALUES ($1, 'offline', $2, $3) ON CONFLICT (operator_id) DO NOTHING`, op, DefaultCapacity, now)
	return err
}

// LeaveChat lets the holding operator go: the chat is routed again to
// someone else, or waits; the operator's freed seat takes the oldest
// other waiting chat.
func (s *Service) LeaveChat(ctx context.Context, chatID, op int64) (Chat, error) {
	return s.change(ctx, chatID, func(tx *db.Tx, c Chat, ch *changes) error {
		if c.State != Active || c.Operator == nil || c.Operator.ID != op {
			return domain.Conflict("you do not hold this chat")
		}
		if err := s.unassign(ctx, tx, c, ch); err != nil {
			return err
		}
		if err := s.route(ctx, tx, chatID, c.ChannelID, op, ch); err != nil {
			return err
		}
		return s.fill(ctx, tx, op, chatID, ch)
	})
}

// unassign puts an active chat back in the queue, keeping its place (its
// queued_at is when the visitor started waiting), and frees the seat.
func (s *Service) unassign(ctx context.Context, tx *db.Tx, c Chat, ch *changes) error {
	if _, err := tx.ExecContext(ctx, `UPDATE chats SET state = 'queued', operator_id = NULL WHERE id = $1`, c.ID); err != nil {
		return err
	}
	ch.chat(c.ID)
	ch.queue(c.ChannelID)
	return release(ctx, tx, c.Operator.ID)
}

// Transfer hands the chat to another operator (who must be online with a
// free seat) when toOperator is set, else to another channel's queue,
// where it is routed again.
func (s *Service) Transfer(ctx context.Context, chatID, actor, toOperator, toChannel int64) (Chat, error) {
	return s.change(ctx, chatID, func(tx *db.Tx, c Chat, ch *changes) error {
		if !c.State.Open() {
			return ErrEnded
		}
		if c.Operator != nil && c.State == Active {
			if err := s.unassign(ctx, tx, c, ch); err != nil {
				return err
			}
		}
		if err := s.handOver(ctx, tx, chatID, toOperator, toChannel, ch); err != nil {
			return err
		}
		if c.Operator != nil && c.State == Active && c.Operator.ID != toOperator {
			return s.fill(ctx, tx, c.Operator.ID, chatID, ch)
		}
		return nil
	})
}

func (s *Service) handOver(ctx context.Context, tx *db.Tx, chatID, toOperator, toChannel int64, ch *changes) error {
	if toOperator != 0 {
		ok, err := s.assign(ctx, tx, chatID, toOperator, false)
		if err == nil && !ok {
			err = domain.Conflict("that operator is not online with a free seat")
		}
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE chats SET channel_id = $1 WHERE id = $2`, toChannel, chatID); err != nil {
		if db.IsForeignKeyViolation(err) {
			return ErrNoChannel
		}
		return err
	}
	ch.chat(chatID)
	ch.queue(toChannel)
	return s.route(ctx, tx, chatID, toChannel, 0, ch)
}

// End closes the chat (either side may) and frees the operator's seat
// for the oldest waiting chat.
func (s *Service) End(ctx context.Context, chatID int64) (Chat, error) {
	return s.change(ctx, chatID, func(tx *db.Tx, c Chat, ch *changes) error {
		if !c.State.Open() {
			return nil // ending twice is fine
		}
		return s.close(ctx, tx, c, Ended, ch)
	})
}

// close ends a chat as ended or missed and frees its seat.
func (s *Service) close(ctx context.Context, tx *db.Tx, c Chat, to State, ch *changes) error {
	res, err := tx.ExecContext(ctx, `UPDATE chats SET state = $1, ended_at = $2 WHERE id = $3
		AND state IN ('queued', 'active')`, to, s.now(), c.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	ch.chat(c.ID)
	ch.queue(c.ChannelID)
	if s.Reports != nil {
		if err := s.Reports.ChatEnded(ctx, tx, c.ID); err != nil {
			return err
		}
	}
	if err := s.hook(ctx, tx, "chat_ended", c.ID); err != nil {
		return err
	}
	if c.Operator == nil || c.State != Active {
		return nil
	}
	if err := release(ctx, tx, c.Operator.ID); err != nil {
		return err
	}
	return s.fill(ctx, tx, c.Operator.ID, c.ID, ch)
}

// change runs fn on the chat as read in the transaction, announces what
// changed after the commit, and returns the chat as it is then.
func (s *Service) change(ctx context.Context, chatID int64, fn func(tx *db.Tx, c Chat, ch *changes) error) (Chat, error) {
	var ch changes
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		ch = changes{}
		c, err := lockChat(ctx, tx, chatID)
		if err != nil {
			return err
		}
		return fn(tx, c, &ch)
	})
	if err != nil {
		return Chat{}, err
	}
	s.publish(ch)
	return s.Get(ctx, chatID)
}

// lockChat reads a chat for change; on PostgreSQL the row is locked until
// the commit, so two nodes changing one chat take turns.
func lockChat(ctx context.Context, tx *db.Tx, chatID int64) (Chat, error) {
	where := `WHERE c.id = $1`
	if tx.Dialect == db.Postgres {
		// The lock and the read in one round trip (every message takes
		// this lock); the read sees the row as it is once locked.
		where += ` FOR UPDATE OF c`
	}
	return getChat(ctx, tx, where, chatID)
}

// TransferTo is Transfer with a team instead of a channel: the chat goes
// to the team's chat channel.
func (s *Service) TransferTo(ctx context.Context, chatID, actor, toOperator, toTeam int64) (Chat, error) {
	if toOperator == 0 && toTeam == 0 {
		return Chat{}, domain.Invalid("operator_id", "name an operator or a team")
	}
	var channel int64
	if toOperator == 0 {
		err := s.DB.Read.QueryRowContext(ctx, `SELECT id FROM chat_channels WHERE team_id = $1 AND enabled`, toTeam).Scan(&channel)
		if err != nil {
			return Chat{}, notFoundChannel(err)
		}
	}
	return s.Transfer(ctx, chatID, actor, toOperator, channel)
}
