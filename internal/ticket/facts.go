package ticket

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// factColumns are what automations' conditions and scopes read of a
// ticket: its fields, the names behind them and its tags; no times, no
// SLA, no thread (the full read's share of an event's cost).
const factColumns = `t.id, t.subject, t.status_id, s.name, s.kind, t.pipeline_id, t.priority, tm.id, tm.slug, tm.name,
	o.id, o.name, o.email, c.id, c.first_name, c.last_name,
	(SELECT email FROM contact_emails ce WHERE ce.contact_id = c.id ORDER BY ce.position, ce.email LIMIT 1),
	t.channel, (SELECT string_agg(tag, ',' ORDER BY tag) FROM ticket_tags tt WHERE tt.ticket_id = t.id)`

// FactsTx reads ticket id inside q as automations' conditions see it:
// the fields GetTx reads but its times, SLA and custom values (CustomTx).
func (s *Service) FactsTx(ctx context.Context, q db.Querier, id int64) (Ticket, error) {
	var t Ticket
	var opID sql.Null[int64]
	var opName, opEmail, email, tags sql.Null[string]
	err := q.QueryRowContext(ctx, `SELECT `+factColumns+ticketFrom+`WHERE t.id = $1`, id).Scan(&t.ID, &t.Subject,
		&t.Status.ID, &t.Status.Name, &t.Status.Kind, &t.PipelineID, &t.Priority, &t.Team.ID, &t.Team.Slug, &t.Team.Name,
		&opID, &opName, &opEmail, &t.Contact.ID, &t.Contact.FirstName, &t.Contact.LastName, &email, &t.Channel, &tags)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	if opID.Valid {
		t.Assignee = &OperatorRef{ID: opID.V, Name: opName.V, Email: opEmail.V}
	}
	t.Contact.setName(email.V)
	t.Tags = []string{}
	if tags.V != "" {
		t.Tags = tagSet(strings.Split(tags.V, ","))
	}
	return t, err
}

// CustomTx reads ticket id's custom field values inside q.
func (s *Service) CustomTx(ctx context.Context, q db.Querier, id, pipelineID int64) (map[string]any, error) {
	if s.Custom == nil {
		return map[string]any{}, nil
	}
	values, err := s.Custom.Values(ctx, q, map[int64]int64{id: pipelineID})
	if values[id] == nil {
		return map[string]any{}, err
	}
	return values[id], err
}
