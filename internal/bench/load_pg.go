package bench

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// pgLoader uses COPY, PostgreSQL's bulk path. The search vector is built
// by ticket.SearchWords, as ticket creation builds it.
type pgLoader struct{ d *db.DB }

func (l *pgLoader) copy(ctx context.Context, table string, cols []string, rows [][]any) error {
	conn, err := l.d.Write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		c := driverConn.(*stdlib.Conn).Conn()
		_, err := c.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		return err
	})
}

func (l *pgLoader) contacts(ctx context.Context, rows []contactRow) error {
	cs, es := make([][]any, len(rows)), make([][]any, len(rows))
	for i, r := range rows {
		cs[i] = []any{r.id, r.first, r.last, r.phone, r.externalID, r.created, r.created}
		es[i] = []any{r.email, r.id, 0, r.created}
	}
	if err := l.copy(ctx, "contacts", []string{"id", "first_name", "last_name", "phone", "external_id",
		"created_at", "updated_at"}, cs); err != nil {
		return err
	}
	return l.copy(ctx, "contact_emails", []string{"email", "contact_id", "position", "created_at"}, es)
}

func (l *pgLoader) tickets(ctx context.Context, ts []ticketRow, ms []messageRow) error {
	trows, mrows := make([][]any, len(ts)), make([][]any, len(ms))
	for i, t := range ts {
		thread := ms[i*len(ms)/len(ts) : (i+1)*len(ms)/len(ts)]
		trows[i] = []any{t.id, t.number, t.subject, "", t.teamID, t.pipelineID, t.statusID, t.isOpen, int16(t.priority),
			t.assignee, t.contactID, t.channel, t.token, t.created, t.activity, t.activity, t.closed, t.created,
			searchVector(t.subject, thread)}
	}
	for i, m := range ms {
		mrows[i] = []any{m.id, m.ticketID, m.kind, m.operatorID, m.contactID, m.body, "", m.created}
	}
	if err := l.copy(ctx, "tickets", []string{"id", "number", "subject", "description", "team_id", "pipeline_id",
		"status_id", "is_open", "priority", "assignee_id", "contact_id", "channel", "public_token", "created_at",
		"updated_at", "last_activity_at", "closed_at", "last_customer_activity_at", "search"}, trows); err != nil {
		return err
	}
	return l.copy(ctx, "messages", []string{"id", "ticket_id", "kind", "author_operator_id", "author_contact_id",
		"body_text", "body_html", "created_at"}, mrows)
}

func searchVector(subject string, thread []messageRow) pgtype.TSVector {
	texts := []string{subject}
	for _, m := range thread {
		texts = append(texts, m.body)
	}
	words := ticket.SearchWords(texts...)
	v := pgtype.TSVector{Valid: true, Lexemes: make([]pgtype.TSVectorLexeme, len(words))}
	for i, w := range words {
		v.Lexemes[i] = pgtype.TSVectorLexeme{Word: w}
	}
	return v
}

func (l *pgLoader) finish(ctx context.Context) error {
	for _, q := range []string{
		`SELECT setval('ticket_number_seq', (SELECT max(number) FROM tickets))`,
		`SELECT setval(pg_get_serial_sequence('tickets', 'id'), (SELECT max(id) FROM tickets))`,
		`SELECT setval(pg_get_serial_sequence('messages', 'id'), (SELECT max(id) FROM messages))`,
		`SELECT setval(pg_get_serial_sequence('contacts', 'id'), (SELECT max(id) FROM contacts))`,
		`VACUUM ANALYZE`,
	} {
		if _, err := l.d.Write.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
