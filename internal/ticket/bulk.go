package ticket

import (
	"context"
	"encoding/json"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
)

// CountInStatus returns how many tickets are in status statusID.
func (s *Service) CountInStatus(ctx context.Context, q db.Querier, statusID int64) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM tickets WHERE status_id = $1`, statusID).Scan(&n)
	return n, err
}

// MoveStatus moves every ticket in from to to (a status being removed),
// recording the move in each ticket's history.
func (s *Service) MoveStatus(ctx context.Context, q db.Querier, from, to pipeline.Status, actorID int64) error {
	now := db.Now()
	kind := EventStatus
	if from.Kind == pipeline.Closed && to.Kind == pipeline.Open {
		kind = EventReopened
	}
	if s.Clocks != nil {
		if err := s.Clocks.StatusMoved(ctx, q, from.ID, to.ID, to.Kind == pipeline.Closed, now); err != nil {
			return err
		}
	}
	data, _ := json.Marshal(map[string]any{"from": from.Name, "to": to.Name})
	if _, err := q.ExecContext(ctx, `INSERT INTO ticket_events (ticket_id, kind, actor_operator_id, data, created_at)
		SELECT id, $2, $3, $4, $5 FROM tickets WHERE status_id = $1`, from.ID, kind, nullID(actorID), string(data), now); err != nil {
		return err
	}
	_, err := q.ExecContext(ctx, `UPDATE tickets SET status_id = $2, is_open = $3, updated_at = $4,
		closed_at = CASE WHEN $3 THEN NULL ELSE COALESCE(closed_at, $4) END WHERE status_id = $1`,
		from.ID, to.ID, to.Kind == pipeline.Open, now)
	return err
}

// SyncKind brings the tickets of st in line after st changed kind.
func (s *Service) SyncKind(ctx context.Context, q db.Querier, st pipeline.Status) error {
	if s.Clocks != nil {
		if err := s.Clocks.StatusMoved(ctx, q, st.ID, st.ID, st.Kind == pipeline.Closed, db.Now()); err != nil {
			return err
		}
	}
	_, err := q.ExecContext(ctx, `UPDATE tickets SET is_open = $2, updated_at = $3,
		closed_at = CASE WHEN $2 THEN NULL ELSE COALESCE(closed_at, $3) END WHERE status_id = $1`,
		st.ID, st.Kind == pipeline.Open, db.Now())
	return err
}

// MoveContactTickets relinks every ticket and message of contact fromID to
// toID (a contact merge), recording it in each ticket's history. The
// public links stay: both contacts are the same person, who holds them.
func (s *Service) MoveContactTickets(ctx context.Context, q db.Querier, fromID, toID, actorID int64) error {
	data, _ := json.Marshal(map[string]any{"from": fromID, "to": toID})
	stmts := []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO ticket_events (ticket_id, kind, actor_operator_id, data, created_at)
			SELECT id, $2, $3, $4, $5 FROM tickets WHERE contact_id = $1`,
			[]any{fromID, EventMerged, nullID(actorID), string(data), db.Now()}},
		{`UPDATE tickets SET contact_id = $2 WHERE contact_id = $1`, []any{fromID, toID}},
		{`UPDATE messages SET author_contact_id = $2 WHERE author_contact_id = $1`, []any{fromID, toID}},
	}
	for _, st := range stmts {
		if _, err := q.ExecContext(ctx, st.sql, st.args...); err != nil {
			return err
		}
	}
	return nil
}
