package notification

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// List returns operator opID's newest notices, at most limit.
func (s *Service) List(ctx context.Context, opID int64, limit int) ([]Notification, error) {
	return s.Find(ctx, opID, Filter{Limit: limit})
}

// Filter picks an operator's notices: only the unread ones, older than
// the notice Before (a page's cursor; 0 for the newest), at most Limit.
type Filter struct {
	Unread bool
	Before int64
	Limit  int
}

// Find returns operator opID's notices that f picks, newest first.
func (s *Service) Find(ctx context.Context, opID int64, f Filter) ([]Notification, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT n.id, n.kind, t.id, t.number, t.subject, COALESCE(o.name, ''),
		COALESCE(m.body_text, ''), n.created_at, n.read_at FROM notifications n
		JOIN tickets t ON t.id = n.ticket_id
		LEFT JOIN operators o ON o.id = n.actor_id
		LEFT JOIN messages m ON m.id = n.message_id
		WHERE n.operator_id = $1 AND (NOT $3 OR n.read_at IS NULL) AND ($4 = 0 OR n.id < $4)
		ORDER BY n.id DESC LIMIT $2`, opID, f.Limit, f.Unread, f.Before)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Notification{}
	for rows.Next() {
		var n Notification
		var read sql.Null[time.Time]
		if err := rows.Scan(&n.ID, &n.Kind, &n.TicketID, &n.TicketNumber, &n.Subject, &n.ActorName, &n.Excerpt,
			&n.CreatedAt, &read); err != nil {
			return nil, err
		}
		n.Read = read.Valid
		if len([]rune(n.Excerpt)) > 200 {
			n.Excerpt = string([]rune(n.Excerpt)[:200]) + "…"
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// Unread counts operator opID's unread notices.
func (s *Service) Unread(ctx context.Context, opID int64) (int, error) {
	var n int
	err := s.DB.Read.QueryRowContext(ctx, `SELECT count(*) FROM notifications WHERE operator_id = $1 AND read_at IS NULL`,
		opID).Scan(&n)
	return n, err
}

// Open marks notice id read and returns its ticket's number; only its
// operator may.
func (s *Service) Open(ctx context.Context, opID, id int64) (int64, error) {
	var number int64
	err := s.DB.Read.QueryRowContext(ctx, `SELECT t.number FROM notifications n JOIN tickets t ON t.id = n.ticket_id
		WHERE n.id = $1 AND n.operator_id = $2`, id, opID).Scan(&number)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	if err != nil {
		return 0, err
	}
	_, err = s.DB.Write.ExecContext(ctx, `UPDATE notifications SET read_at = $3 WHERE id = $1 AND operator_id = $2
		AND read_at IS NULL`, id, opID, db.Now())
	if err == nil {
		s.changed(opID)
	}
	return number, err
}

// MarkRead marks notice id of operator opID read.
func (s *Service) MarkRead(ctx context.Context, opID, id int64) error {
	_, err := s.Open(ctx, opID, id)
	return err
}

// ReadAll marks every notice of operator opID read.
func (s *Service) ReadAll(ctx context.Context, opID int64) error {
	_, err := s.DB.Write.ExecContext(ctx, `UPDATE notifications SET read_at = $2 WHERE operator_id = $1 AND read_at IS NULL`,
		opID, db.Now())
	if err == nil {
		s.changed(opID)
	}
	return err
}
