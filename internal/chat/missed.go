package chat

import (
	"context"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// SweepEvery is how often each node looks for missed chats; the changes
// are conditional updates, so nodes sweeping at once do each chat once.
const SweepEvery = 5 * time.Second

// Sweep marks chats no operator answered within their channel's time as
// missed (a ticket with the transcript when the visitor gave an email),
// and routes waiting chats again, in case a seat freed without telling
// (an operator back from away). It returns how many chats it missed.
func (s *Service) Sweep(ctx context.Context) (int, error) {
	due, err := s.unanswered(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range due {
		ok, err := s.miss(ctx, id)
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	return n, s.requeue(ctx)
}

// unanswered lists open chats past their channel's missed_after with no
// public operator message.
func (s *Service) unanswered(ctx context.Context) ([]int64, error) {
	now := s.now()
	// A chat a bot handed over waits from then; one the bot still holds
	// is not waiting for anyone.
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT c.id, c.created_at, c.handed_at, ch.missed_after
		FROM chats c JOIN chat_channels ch ON ch.id = c.channel_id WHERE c.state IN ('queued', 'active')
		AND c.answered_at IS NULL AND c.bot_state <> 'running' AND c.created_at < $1 ORDER BY c.id`, now.Add(-10*time.Second))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		var at time.Time
		var handed *time.Time
		var after int
		if err := rows.Scan(&id, &at, &handed, &after); err != nil {
			return nil, err
		}
		if handed != nil {
			at = *handed
		}
		if !at.Add(time.Duration(after) * time.Second).After(now) {
			out = append(out, id)
		}
	}
	return out, rows.Err()
}

// miss marks one chat missed; with an email from the visitor it becomes
// a ticket in the same transaction.
func (s *Service) miss(ctx context.Context, chatID int64) (bool, error) {
	var missed bool
	var tid int64
	_, err := s.change(ctx, chatID, func(tx *db.Tx, c Chat, ch *changes) error {
		missed, tid = false, 0
		if !c.State.Open() || c.AnsweredAt != nil {
			return nil // answered or ended meanwhile, or another node did it
		}
		if err := s.close(ctx, tx, c, Missed, ch); err != nil {
			return err
		}
		missed = true
		if (c.Visitor.Email == "" && c.ExternalID == "") || c.Ticket != nil {
			return nil // no address, or a chatbot already made its ticket
		}
		var err error
		tid, _, err = s.ticketFromChat(ctx, tx, c, "Missed chat with "+or(c.Visitor.Name, c.Visitor.Email), "", 0)
		return err
	})
	if err == nil && tid != 0 {
		s.Tickets.Announce("ticket.created", tid)
	}
	return missed, err
}

// requeue routes waiting chats again, oldest first, in the channels
// where an online operator has a free seat (a cheap check first: a full
// house costs one query, not a transaction per waiting chat).
func (s *Service) requeue(ctx context.Context) error {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT c.id, c.channel_id FROM chats c WHERE c.state = 'queued'
		AND c.bot_state <> 'running' AND EXISTS (SELECT 1 FROM chat_operators o JOIN chat_channel_operators m ON m.operator_id = o.operator_id
			WHERE m.channel_id = c.channel_id AND o.status = 'online' AND o.last_seen_at > $1 AND o.active < o.capacity)
		ORDER BY c.queued_at, c.id LIMIT 100`, s.cutoff(s.now()))
	if err != nil {
		return err
	}
	type q struct{ id, channel int64 }
	var waiting []q
	for rows.Next() {
		var w q
		if err := rows.Scan(&w.id, &w.channel); err != nil {
			rows.Close()
			return err
		}
		waiting = append(waiting, w)
	}
	rows.Close()
	for _, w := range waiting {
		if _, err := s.change(ctx, w.id, func(tx *db.Tx, c Chat, ch *changes) error {
			if c.State != Queued {
				return nil
			}
			return s.route(ctx, tx, c.ID, c.ChannelID, 0, ch)
		}); err != nil {
			return err
		}
	}
	return nil
}

// RunSweeper sweeps every SweepEvery until ctx ends; errors go to logf.
func (s *Service) RunSweeper(ctx context.Context, logf func(err error)) {
	t := time.NewTicker(SweepEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := s.Sweep(ctx); err != nil && ctx.Err() == nil {
				logf(err)
			}
		}
	}
}
