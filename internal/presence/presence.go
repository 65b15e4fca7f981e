// Package presence records which operators have a ticket open and which
// of them are typing, so two people do not answer the same customer at
// once. Entries live in the database (every node sees them) and expire
// when their page stops refreshing them.
package presence

import (
	"context"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/events"
)

// TTL is how long an entry counts without a refresh; pages refresh
// every TTL/3, so one lost beat does not make anyone vanish.
const TTL = 30 * time.Second

// Changed is the event kind sent when someone arrives, leaves, or starts
// or stops typing on a ticket.
const Changed = "ticket.presence"

// Viewer is an operator on a ticket.
type Viewer struct {
	OperatorID int64  `json:"operator_id"`
	Name       string `json:"name"`
	Typing     bool   `json:"typing"`
}

// Bus carries Changed to the other pages open on the ticket.
type Bus interface{ Send(e events.Event) }

// Service records presence.
type Service struct {
	DB  *db.DB
	Bus Bus
	Now func() time.Time // nil: the clock
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC().Truncate(time.Microsecond)
	}
	return db.Now()
}

// Beat says operator opID has ticket ticketID open, typing or not. Others
// hear of it only when that changes: a refresh of the same state is quiet.
func (s *Service) Beat(ctx context.Context, ticketID, opID int64, typing bool) error {
	now := s.now()
	var was state
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM ticket_presence WHERE seen_at < $1`, now.Add(-TTL)); err != nil {
			return err
		}
		row := tx.QueryRowContext(ctx, `SELECT typing FROM ticket_presence WHERE ticket_id = $1 AND operator_id = $2`, ticketID, opID)
		was = scanTyping(row)
		_, err := tx.ExecContext(ctx, `INSERT INTO ticket_presence (ticket_id, operator_id, typing, seen_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (ticket_id, operator_id) DO UPDATE SET typing = excluded.typing, seen_at = excluded.seen_at`,
			ticketID, opID, typing, now)
		return err
	})
	if err == nil && was != stateOf(typing) {
		s.send(ticketID, opID, typing)
	}
	return err
}

// Leave says the operator closed the ticket's page.
func (s *Service) Leave(ctx context.Context, ticketID, opID int64) error {
	res, err := s.DB.Write.ExecContext(ctx, `DELETE FROM ticket_presence WHERE ticket_id = $1 AND operator_id = $2`, ticketID, opID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n > 0 {
		s.send(ticketID, opID, false)
	}
	return nil
}

// Others lists the operators other than opID on ticketID now, by name.
func (s *Service) Others(ctx context.Context, ticketID, opID int64) ([]Viewer, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT o.id, o.name, p.typing FROM ticket_presence p
		JOIN operators o ON o.id = p.operator_id
		WHERE p.ticket_id = $1 AND p.operator_id <> $2 AND p.seen_at >= $3 ORDER BY lower(o.name), o.id`,
		ticketID, opID, s.now().Add(-TTL))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Viewer{}
	for rows.Next() {
		var v Viewer
		if err := rows.Scan(&v.OperatorID, &v.Name, &v.Typing); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (s *Service) send(ticketID, opID int64, typing bool) {
	if s.Bus != nil {
		s.Bus.Send(events.Event{Kind: Changed, TicketID: ticketID, OperatorID: opID, Active: typing})
	}
}

// state is an operator's standing on a ticket: absent, present, or
// present and typing.
type state int8

const (
	absent state = iota
	present
	typingNow
)

func stateOf(typing bool) state {
	if typing {
		return typingNow
	}
	return present
}

func scanTyping(row interface{ Scan(...any) error }) state {
	var t bool
	if row.Scan(&t) != nil {
		return absent
	}
	if t {
		return typingNow
	}
	return present
}
