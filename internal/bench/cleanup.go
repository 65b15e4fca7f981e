package bench

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/db"
)

// ids marks where the seeded data ends, so a measurement that writes can
// remove what it added and leave the benchmark database as it was.
type ids struct{ ticket, contact int64 }

func lastIDs(ctx context.Context, s *app.Services) (ids, error) {
	var last ids
	err := s.DB.Read.QueryRowContext(ctx, `SELECT COALESCE((SELECT max(id) FROM tickets), 0),
		COALESCE((SELECT max(id) FROM contacts), 0)`).Scan(&last.ticket, &last.contact)
	return last, err
}

func removeAfter(ctx context.Context, s *app.Services, last ids) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		type stmt struct {
			sql string
			arg int64
		}
		stmts := []stmt{
			{`DELETE FROM tickets WHERE id > $1`, last.ticket}, // messages, events and tags cascade
			{`DELETE FROM contacts WHERE id > $1`, last.contact},
		}
		if s.DB.Dialect == db.SQLite {
			stmts = append(stmts, stmt{`DELETE FROM ticket_search WHERE rowid > $1`, last.ticket})
		}
		for _, st := range stmts {
			if _, err := tx.ExecContext(ctx, st.sql, st.arg); err != nil {
				return err
			}
		}
		return nil
	})
}
