package ticket

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
)

// Field is an extra value kept on a ticket with the label it was asked
// under (a website form's field that fills no ticket or contact column).
type Field struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

func insertFields(ctx context.Context, q db.Querier, id int64, fields []Field) error {
	for i, f := range fields {
		if _, err := q.ExecContext(ctx, `INSERT INTO ticket_fields (ticket_id, position, label, value)
			VALUES ($1, $2, $3, $4)`, id, i, f.Label, f.Value); err != nil {
			return err
		}
	}
	return nil
}

// Fields returns ticket id's extra values in the order they were asked.
func (s *Service) Fields(ctx context.Context, id int64) ([]Field, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT label, value FROM ticket_fields
		WHERE ticket_id = $1 ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Field{}
	for rows.Next() {
		var f Field
		if err := rows.Scan(&f.Label, &f.Value); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
