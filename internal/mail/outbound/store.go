package outbound

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

func insertMail(ctx context.Context, q db.Querier, m *Mail) error {
	cc, _ := json.Marshal(nonNilRecipients(m.Cc))
	files, _ := json.Marshal(nonNilFiles(m.Attachments))
	now := db.Now()
	m.CreatedAt, m.NextAttemptAt = now, now
	return q.QueryRowContext(ctx, `INSERT INTO mail_outbox (ticket_id, chat_id, message_id, kind, automatic, from_name,
		from_email, reply_to, to_name, to_email, cc, subject, mail_message_id, in_reply_to, mail_references,
		body_text, body_html, attachments, status, last_error, next_attempt_at, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21)
		RETURNING id`, orNull(m.TicketID), orNull(m.ChatID), orNull(m.MessageID), m.Kind, m.Automatic, m.From.Name, m.From.Email, m.ReplyTo, m.To.Name,
		strings.ToLower(m.To.Email), string(cc), m.Subject, m.MailMessageID, m.InReplyTo,
		strings.Join(m.References, " "), m.Text, m.HTML, string(files), m.Status, m.LastError, now).Scan(&m.ID)
}

// orNull is a reference column's value: 0 is none.
func orNull(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func nonNilRecipients(a []Recipient) []Recipient {
	if a == nil {
		return []Recipient{}
	}
	return a
}

func nonNilFiles(a []File) []File {
	if a == nil {
		return []File{}
	}
	return a
}

const mailColumns = `id, COALESCE(ticket_id, 0), COALESCE(chat_id, 0), message_id, kind, automatic, from_name, from_email, reply_to, to_name,
	to_email, cc, subject, mail_message_id, in_reply_to, mail_references, body_text, body_html, attachments,
	status, attempts, next_attempt_at, last_error, created_at, sent_at,
	COALESCE((SELECT number FROM tickets t WHERE t.id = ticket_id), 0)`

func scanMail(row interface{ Scan(...any) error }) (Mail, error) {
	var m Mail
	var msgID sql.Null[int64]
	var cc, files, refs string
	var sent sql.Null[time.Time]
	err := row.Scan(&m.ID, &m.TicketID, &m.ChatID, &msgID, &m.Kind, &m.Automatic, &m.From.Name, &m.From.Email, &m.ReplyTo,
		&m.To.Name, &m.To.Email, &cc, &m.Subject, &m.MailMessageID, &m.InReplyTo, &refs, &m.Text, &m.HTML, &files,
		&m.Status, &m.Attempts, &m.NextAttemptAt, &m.LastError, &m.CreatedAt, &sent, &m.TicketNumber)
	if err != nil {
		return m, err
	}
	m.MessageID = msgID.V
	m.References = strings.Fields(refs)
	if sent.Valid {
		t := sent.V
		m.SentAt = &t
	}
	if err := json.Unmarshal([]byte(cc), &m.Cc); err != nil {
		return m, err
	}
	return m, json.Unmarshal([]byte(files), &m.Attachments)
}

// Get returns outbox row id.
func (s *Service) Get(ctx context.Context, id int64) (Mail, error) {
	m, err := scanMail(s.DB.Read.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM mail_outbox WHERE id = $1`, id))
	if isNoRows(err) {
		return m, ErrNotFound
	}
	return m, err
}

// ErrNotFound is returned when no outbox row matches.
var ErrNotFound = domain.NotFound("mail")

// Recent returns the latest outbox rows, newest first, for admins.
func (s *Service) Recent(ctx context.Context, limit int) ([]Mail, error) {
	return s.list(ctx, `ORDER BY id DESC LIMIT $1`, limit)
}

// ForTicket returns ticket id's outbox rows, oldest first.
func (s *Service) ForTicket(ctx context.Context, id int64) ([]Mail, error) {
	return s.list(ctx, `WHERE ticket_id = $1 ORDER BY id`, id)
}

func (s *Service) list(ctx context.Context, where string, arg any) ([]Mail, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+mailColumns+` FROM mail_outbox `+where, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Mail
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
