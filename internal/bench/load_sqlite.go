package bench

import (
	"context"
	"database/sql"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// sqliteLoader inserts with prepared statements in one transaction per
// chunk: SQLite's fastest path short of its own import tools.
type sqliteLoader struct{ d *db.DB }

func (l *sqliteLoader) contacts(ctx context.Context, rows []contactRow) error {
	return l.d.WithTx(ctx, func(tx *db.Tx) error {
		c, err := tx.PrepareContext(ctx, `INSERT INTO contacts (id, first_name, last_name, phone, external_id, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $6)`)
		if err != nil {
			return err
		}
		e, err := tx.PrepareContext(ctx, `INSERT INTO contact_emails (email, contact_id, position, created_at) VALUES ($1, $2, 0, $3)`)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if _, err := c.ExecContext(ctx, r.id, r.first, r.last, r.phone, r.externalID, r.created); err != nil {
				return err
			}
			if _, err := e.ExecContext(ctx, r.email, r.id, r.created); err != nil {
				return err
			}
		}
		return nil
	})
}

func (l *sqliteLoader) tickets(ctx context.Context, ts []ticketRow, ms []messageRow) error {
	return l.d.WithTx(ctx, func(tx *db.Tx) error {
		stmts, err := prepareAll(ctx, tx,
			`INSERT INTO tickets (id, number, subject, team_id, pipeline_id, status_id, is_open, priority, assignee_id,
				contact_id, channel, public_token, created_at, updated_at, last_activity_at, closed_at, last_customer_activity_at)
				VALUES ($1, $2, $3, $4, $15, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $12)`,
			`INSERT INTO messages (id, ticket_id, kind, author_operator_id, author_contact_id, body_text, body_html, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, '', $7)`,
			`INSERT INTO ticket_search (rowid, subject, body) VALUES ($1, $2, $3)`)
		if err != nil {
			return err
		}
		for i, t := range ts {
			if _, err := stmts[0].ExecContext(ctx, t.id, t.number, t.subject, t.teamID, t.statusID, t.isOpen, t.priority,
				t.assignee, t.contactID, t.channel, t.token, t.created, t.activity, t.closed, t.pipelineID); err != nil {
				return err
			}
			thread := ms[i*len(ms)/len(ts) : (i+1)*len(ms)/len(ts)]
			var body strings.Builder
			for _, m := range thread {
				if _, err := stmts[1].ExecContext(ctx, m.id, m.ticketID, m.kind, m.operatorID, m.contactID, m.body, m.created); err != nil {
					return err
				}
				body.WriteString(m.body)
				body.WriteByte(' ')
			}
			if _, err := stmts[2].ExecContext(ctx, t.id, t.subject, body.String()); err != nil {
				return err
			}
		}
		return nil
	})
}

func prepareAll(ctx context.Context, tx *db.Tx, queries ...string) ([]*sql.Stmt, error) {
	out := make([]*sql.Stmt, len(queries))
	for i, q := range queries {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, err
		}
		out[i] = st
	}
	return out, nil
}

func (l *sqliteLoader) finish(ctx context.Context) error {
	for _, q := range []string{
		`UPDATE counters SET value = (SELECT max(number) FROM tickets) WHERE name = 'ticket_number'`,
		`INSERT INTO ticket_search (ticket_search) VALUES ('optimize')`,
		`ANALYZE`,
	} {
		if _, err := l.d.Write.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
