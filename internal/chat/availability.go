package chat

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/events"
)

// Status is an operator's chat availability.
type Status string

// The availabilities.
const (
	Online  Status = "online"
	Away    Status = "away"
	Offline Status = "offline"
)

// AwayAfter is how long an online operator may be silent before they
// count as away: no node keeps a timer, the time is compared when read.
const AwayAfter = 15 * time.Minute

// DefaultCapacity is how many chats an operator holds at once by default.
const DefaultCapacity = 4

// Availability is an operator's chosen status and what it means now.
type Availability struct {
	Status    Status    `json:"status"`
	Effective Status    `json:"effective"`
	Capacity  int       `json:"capacity"`
	Active    int       `json:"active"`
	LastSeen  time.Time `json:"last_seen_at"`
}

func (s *Service) cutoff(now time.Time) time.Time { return now.Add(-AwayAfter) }

func effective(st Status, lastSeen, now time.Time) Status {
	if st == Online && lastSeen.Before(now.Add(-AwayAfter)) {
		return Away
	}
	return st
}

// Availability reads an operator's availability (offline if never set).
func (s *Service) Availability(ctx context.Context, operatorID int64) (Availability, error) {
	var a Availability
	err := s.DB.Read.QueryRowContext(ctx, `SELECT status, capacity, active, last_seen_at FROM chat_operators
		WHERE operator_id = $1`, operatorID).Scan(&a.Status, &a.Capacity, &a.Active, &a.LastSeen)
	if errors.Is(err, sql.ErrNoRows) {
		return Availability{Status: Offline, Effective: Offline, Capacity: DefaultCapacity}, nil
	}
	a.Effective = effective(a.Status, a.LastSeen, s.now())
	return a, err
}

// SetAvailability records the operator's choice; coming online takes the
// oldest waiting chats of their channels up to their capacity.
func (s *Service) SetAvailability(ctx context.Context, operatorID int64, st Status) (Availability, error) {
	if st != Online && st != Away && st != Offline {
		return Availability{}, domain.Invalid("status", "must be online, away or offline")
	}
	var ch changes
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		ch = changes{}
		now := s.now()
		_, err := tx.ExecContext(ctx, `INSERT INTO chat_operators (operator_id, status, capacity, last_seen_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT (operator_id) DO UPDATE SET status = $2, last_seen_at = $4`,
			operatorID, st, DefaultCapacity, now)
		if db.IsForeignKeyViolation(err) {
			return domain.NotFound("operator")
		}
		if err != nil || st != Online {
			return err
		}
		return s.fill(ctx, tx, operatorID, 0, &ch)
	})
	if err != nil {
		return Availability{}, err
	}
	s.publish(ch)
	s.send(events.Event{Kind: KindPresence, OperatorID: operatorID})
	return s.Availability(ctx, operatorID)
}

// SetCapacity changes how many chats the operator holds at once (1 to 50).
func (s *Service) SetCapacity(ctx context.Context, operatorID int64, n int) error {
	if n < 1 || n > 50 {
		return domain.Invalid("capacity", "must be between 1 and 50")
	}
	_, err := s.DB.Write.ExecContext(ctx, `INSERT INTO chat_operators (operator_id, status, capacity, last_seen_at)
		VALUES ($1, 'offline', $2, $3) ON CONFLICT (operator_id) DO UPDATE SET capacity = $2`, operatorID, n, s.now())
	return err
}

// Seen records that the operator is at work (their socket spoke); an
// operator marked away by silence is online again.
func (s *Service) Seen(ctx context.Context, operatorID int64) error {
	_, err := s.DB.Write.ExecContext(ctx, `UPDATE chat_operators SET last_seen_at = $1 WHERE operator_id = $2`,
		s.now(), operatorID)
	return err
}

// SignedOut makes the operator offline (the agent app's sign-out).
func (s *Service) SignedOut(ctx context.Context, operatorID int64) error {
	_, err := s.DB.Write.ExecContext(ctx, `UPDATE chat_operators SET status = 'offline' WHERE operator_id = $1`,
		operatorID)
	if err == nil {
		s.send(events.Event{Kind: KindPresence, OperatorID: operatorID})
	}
	return err
}

// onlineCount counts the channel's operators online now, full or not.
func onlineCount(ctx context.Context, q db.Querier, channelID int64, cutoff time.Time) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM chat_operators o JOIN chat_channel_operators m
		ON m.operator_id = o.operator_id WHERE m.channel_id = $1 AND o.status = 'online' AND o.last_seen_at > $2`,
		channelID, cutoff).Scan(&n)
	return n, err
}

// Presence says whether a channel can chat now: someone is online with a
// free seat (Available), or online but full (Queue: a chat would wait).
type Presence struct {
	Available bool `json:"available"`
	Queue     bool `json:"queue"`
	Waiting   int  `json:"waiting"`
}

// ChannelPresence reads a channel's presence.
func (s *Service) ChannelPresence(ctx context.Context, channelID int64) (Presence, error) {
	var online, free, waiting int
	err := s.DB.Read.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN o.active < o.capacity THEN 1 ELSE 0 END), 0),
		(SELECT COUNT(*) FROM chats WHERE channel_id = $1 AND state = 'queued' AND bot_state <> 'running')
		FROM chat_operators o JOIN chat_channel_operators m ON m.operator_id = o.operator_id
		WHERE m.channel_id = $1 AND o.status = 'online' AND o.last_seen_at > $2`,
		channelID, s.cutoff(s.now())).Scan(&online, &free, &waiting)
	return Presence{Available: free > 0 && waiting == 0, Queue: online > 0, Waiting: waiting}, err
}
