package ticket

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

const ticketColumns = `t.id, t.number, t.subject, t.description, t.status_id, s.name, s.kind, t.pipeline_id,
	t.priority, tm.id, tm.slug, tm.name, o.id, o.name, o.email, c.id, c.first_name, c.last_name, c.external_id,
	(SELECT email FROM contact_emails ce WHERE ce.contact_id = c.id ORDER BY ce.position, ce.email LIMIT 1),
	t.channel, t.public_token, t.created_at, t.updated_at, t.last_activity_at, t.first_response_at, t.closed_at,
	t.last_customer_activity_at, t.sla, t.sla_state, t.sla_due_at,
	(SELECT string_agg(tag, ',' ORDER BY tag) FROM ticket_tags tt WHERE tt.ticket_id = t.id), ` + customerLastColumn

// customerLastColumn is Ticket.CustomerLast: whether the latest public
// message is the customer's.
const customerLastColumn = `COALESCE((SELECT lm.kind = 'customer' FROM messages lm
	WHERE lm.ticket_id = t.id AND lm.kind IN ('customer', 'reply') ORDER BY lm.id DESC LIMIT 1), FALSE)`

// briefColumns are ticketColumns as the agent app's lists show tickets
// (Filter.Load): the same columns in the same order, so scan reads
// them all, with the description, the public link and the tags left
// empty, and the contact's address read only for a contact without a
// name, whom it stands for; the SLA of open tickets only (a list shows
// no clock on a closed one, and parsing it cost a card more than reading
// it). Those were three of a row's four subqueries;
// the fourth, the customer's mark, walks the ticket's latest messages
// and a board card, which does not show it, goes without (cardColumns).
const briefColumns = `t.id, t.number, t.subject, '', t.status_id, s.name, s.kind, t.pipeline_id,
	t.priority, tm.id, tm.slug, tm.name, o.id, o.name, o.email, c.id, c.first_name, c.last_name, c.external_id,
	CASE WHEN trim(c.first_name || c.last_name) = '' THEN
		(SELECT email FROM contact_emails ce WHERE ce.contact_id = c.id ORDER BY ce.position, ce.email LIMIT 1) END,
	t.channel, '', t.created_at, t.updated_at, t.last_activity_at, t.first_response_at, t.closed_at,
	t.last_customer_activity_at, CASE WHEN t.is_open THEN t.sla END, t.sla_state, t.sla_due_at, NULL, `

var loadColumns = [...]string{Whole: ticketColumns, Row: briefColumns + customerLastColumn, Card: briefColumns + `FALSE`}

const ticketFrom = ` FROM tickets t JOIN statuses s ON s.id = t.status_id JOIN teams tm ON tm.id = t.team_id
	LEFT JOIN operators o ON o.id = t.assignee_id JOIN contacts c ON c.id = t.contact_id `

func (s *Service) scan(row interface{ Scan(...any) error }) (Ticket, error) {
	var t Ticket
	var opID sql.Null[int64]
	var opName, opEmail, email, tags, slaText sql.Null[string]
	var slaState string
	var slaDue *time.Time
	err := row.Scan(&t.ID, &t.Number, &t.Subject, &t.Description, &t.Status.ID, &t.Status.Name, &t.Status.Kind,
		&t.PipelineID, &t.Priority, &t.Team.ID, &t.Team.Slug, &t.Team.Name, &opID, &opName, &opEmail,
		&t.Contact.ID, &t.Contact.FirstName, &t.Contact.LastName, &t.Contact.ExternalID, &email,
		&t.Channel, &t.PublicToken, &t.CreatedAt, &t.UpdatedAt, &t.LastActivityAt, &t.FirstResponseAt,
		&t.ClosedAt, &t.LastCustomerActivityAt, &slaText, &slaState, &slaDue, &tags, &t.CustomerLast)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	if opID.Valid {
		t.Assignee = &OperatorRef{ID: opID.V, Name: opName.V, Email: opEmail.V}
	}
	t.Contact.setName(email.V)
	t.SLA = parseSLA(slaText.V, slaState, slaDue)
	if t.PublicToken != "" { // a row or a card (briefColumns) has none
		t.PublicURL = s.publicURL(t.PublicToken)
	}
	t.Tags = []string{}
	if tags.V != "" {
		t.Tags = tagSet(strings.Split(tags.V, ",")) // tags hold no commas (checkTags)
	}
	return t, err
}

// Get returns ticket id with its custom field values.
func (s *Service) Get(ctx context.Context, id int64) (Ticket, error) {
	return s.getFull(ctx, `t.id = $1`, id)
}

// GetByNumber returns the ticket with that number (#1042).
func (s *Service) GetByNumber(ctx context.Context, number int64) (Ticket, error) {
	return s.getFull(ctx, `t.number = $1`, number)
}

func (s *Service) getFull(ctx context.Context, where string, arg any) (Ticket, error) {
	t, err := s.getBy(ctx, s.DB.Read, where, arg)
	if err != nil {
		return t, err
	}
	one := []Ticket{t}
	err = s.withCustom(ctx, one)
	return one[0], err
}

func (s *Service) getBy(ctx context.Context, q db.Querier, where string, arg any) (Ticket, error) {
	return s.scan(q.QueryRowContext(ctx, `SELECT `+ticketColumns+ticketFrom+`WHERE `+where, arg))
}

// placeholders returns "$from, ..., $(from+n-1)".
func placeholders(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + idString(int64(from+i)))
	}
	return b.String()
}

func setTags(ctx context.Context, q db.Querier, id int64, tags []string) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM ticket_tags WHERE ticket_id = $1`, id); err != nil {
		return err
	}
	return insertTags(ctx, q, id, tags)
}

func insertTags(ctx context.Context, q db.Querier, id int64, tags []string) error {
	for _, tag := range tags {
		if _, err := q.ExecContext(ctx, `INSERT INTO ticket_tags (ticket_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
			id, normalizeTag(tag)); err != nil {
			return err
		}
	}
	return nil
}

// IDOf returns the id of the ticket numbered n.
func (s *Service) IDOf(ctx context.Context, n int64) (int64, error) {
	var id int64
	err := s.DB.Read.QueryRowContext(ctx, `SELECT id FROM tickets WHERE number = $1`, n).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}
