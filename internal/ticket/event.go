package ticket

import (
	"context"
	"encoding/json"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Event is one entry of a ticket's history.
type Event struct {
	ID        int64          `json:"id"`
	TicketID  int64          `json:"ticket_id"`
	Kind      string         `json:"kind"`
	Actor     *OperatorRef   `json:"actor"`
	Data      map[string]any `json:"data"`
	CreatedAt time.Time      `json:"created_at"`
}

// Event kinds recorded in the history.
const (
	EventCreated     = "created"
	EventStatus      = "status"
	EventReopened    = "reopened"
	EventPriority    = "priority"
	EventAssignee    = "assignee"
	EventTeam        = "team"
	EventSubject     = "subject"
	EventTags        = "tags"
	EventContact     = "contact"
	EventMerged      = "contact_merged"
	EventLinkRotated = "link_rotated"
)

func (s *Service) recordEvent(ctx context.Context, q db.Querier, ticketID, actorID int64, kind string,
	data map[string]any, at time.Time) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, `INSERT INTO ticket_events (ticket_id, kind, actor_operator_id, data, created_at)
		VALUES ($1, $2, $3, $4, $5)`, ticketID, kind, nullID(actorID), string(raw), at)
	return err
}

func nullID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// History returns the history of ticket id, oldest first.
func (s *Service) History(ctx context.Context, id int64) ([]Event, error) {
	if _, err := s.Get(ctx, id); err != nil {
		return nil, err
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT e.id, e.ticket_id, e.kind, e.data, e.created_at, o.id, o.name, o.email
		FROM ticket_events e LEFT JOIN operators o ON o.id = e.actor_operator_id
		WHERE e.ticket_id = $1 ORDER BY e.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Event{}
	for rows.Next() {
		var e Event
		var raw string
		var opID *int64
		var opName, opEmail *string
		if err := rows.Scan(&e.ID, &e.TicketID, &e.Kind, &raw, &e.CreatedAt, &opID, &opName, &opEmail); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(raw), &e.Data); err != nil {
			return nil, err
		}
		if opID != nil {
			e.Actor = &OperatorRef{ID: *opID, Name: *opName, Email: *opEmail}
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
