package ticket

import (
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// MessageKind separates what the customer sees from what stays internal.
type MessageKind string

// A reply is public; a note is internal and never reaches a customer.
const (
	Customer MessageKind = "customer"
	Reply    MessageKind = "reply"
	Note     MessageKind = "note"
	System   MessageKind = "system"
)

// Public reports whether a customer may see messages of this kind.
func (k MessageKind) Public() bool { return k == Customer || k == Reply }

// Author is who wrote a message: an operator, the contact, or nobody (system).
type Author struct {
	Type string `json:"type"` // operator | contact | system
	ID   int64  `json:"id,omitempty"`
	Name string `json:"name"`
	// WrittenBy names the operator who wrote a customer's message on
	// their behalf (a request taken by phone); empty otherwise.
	WrittenBy string `json:"written_by,omitempty"`
}

// Message is one entry of a ticket's thread.
type Message struct {
	ID       int64       `json:"id"`
	TicketID int64       `json:"ticket_id"`
	Kind     MessageKind `json:"kind"`
	Author   Author      `json:"author"`
	Body     string      `json:"body"`
	BodyHTML string      `json:"body_html"`
	// Attachments is never nil, so JSON shows an empty list.
	Attachments []Attachment `json:"attachments"`
	CreatedAt   time.Time    `json:"created_at"`
}

// MailHeaders are the headers of a message that came or went by mail,
// kept for threading.
type MailHeaders struct {
	MessageID  string
	InReplyTo  string
	References string // space-separated message ids
	From       string
	To         string
	Cc         string
	// AutoSubmitted marks a mail written by a machine (Auto-Submitted,
	// Precedence bulk/junk/list, X-Autoreply, mailer-daemon, no-reply):
	// nothing automatic is sent back to it.
	AutoSubmitted bool
}

// NewMessage is the input for adding to a thread. BodyHTML, when set, must
// already be sanitised; otherwise it is made from Body.
type NewMessage struct {
	Kind        MessageKind
	Body        string
	BodyHTML    string
	OperatorID  int64
	ContactID   int64
	CreatedAt   time.Time
	Attachments []NewAttachment
	Mail        *MailHeaders
	Words       Words // prepared search words of Body, if any
}

func (m NewMessage) validate() error {
	var c domain.Check
	c.Require(m.Kind == Customer || m.Kind == Reply || m.Kind == Note || m.Kind == System, "kind",
		"must be reply or note")
	c.Require(strings.TrimSpace(m.Body) != "" || len(m.Attachments) > 0, "body", "is required")
	c.Require(len(m.Body) <= MaxBody, "body", fmt.Sprintf("must be at most %d bytes", MaxBody))
	c.Text("body", m.Body)
	for i, a := range m.Attachments {
		c.Line(fmt.Sprintf("files[%d]", i), a.Filename)
	}
	return c.Err()
}

// textToHTML renders plain text as escaped paragraphs.
func textToHTML(text string) string {
	var b strings.Builder
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(html.EscapeString(para), "\n", "<br>"))
		b.WriteString("</p>")
	}
	return b.String()
}

// AddMessage appends to ticket id's thread. A customer message on a closed
// ticket reopens it; the first public reply sets the first-response time.
func (s *Service) AddMessage(ctx context.Context, id int64, m NewMessage) (Message, error) {
	m.Body = strings.TrimSpace(m.Body)
	if err := m.validate(); err != nil {
		return Message{}, err
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = db.Now()
	}
	var msgID int64
	err := s.DB.WithTx(ctx, func(tx *db.Tx) (err error) {
		msgID, err = s.addMessageTx(ctx, tx, id, m)
		return err
	})
	if err != nil {
		return Message{}, err
	}
	s.publish("message.created", id)
	return s.message(ctx, msgID)
}

// AddMessageTx is AddMessage inside the caller's transaction; it returns
// the new message's id, and the caller announces it after the commit.
func (s *Service) AddMessageTx(ctx context.Context, tx *db.Tx, id int64, m NewMessage) (int64, error) {
	m.Body = strings.TrimSpace(m.Body)
	if err := m.validate(); err != nil {
		return 0, err
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = db.Now()
	}
	return s.addMessageTx(ctx, tx, id, m)
}

func (s *Service) addMessageTx(ctx context.Context, tx *db.Tx, id int64, m NewMessage) (int64, error) {
	t, err := s.getBy(ctx, tx, `t.id = $1`, id)
	if err != nil {
		return 0, err
	}
	msgID, err := s.insertMessage(ctx, tx, id, m)
	if err != nil {
		return 0, err
	}
	if err := s.clock(ctx, tx, id, messageStep(m)...); err != nil {
		return 0, err
	}
	if m.Kind == Reply {
		if err := s.report(ctx, tx, id, ReportFact{Kind: ReportAnswer, At: m.CreatedAt, OperatorID: m.OperatorID}); err != nil {
			return 0, err
		}
	}
	if err := s.notify(ctx, tx, Notice{Kind: NoticeMessage, TicketID: id, MessageID: msgID,
		MessageKind: m.Kind, Mail: m.Mail, ActorID: m.OperatorID}); err != nil {
		return 0, err
	}
	if err := s.happened(ctx, tx, messageHappening(ctx, id, m)...); err != nil {
		return 0, err
	}
	if m.Kind == Customer && !t.IsOpen() {
		return msgID, s.reopen(ctx, tx, t, m.OperatorID, m.CreatedAt)
	}
	return msgID, nil
}

// Announce tells the bus about a change made with CreateTx or
// AddMessageTx, once its transaction committed.
func (s *Service) Announce(kind string, ticketID int64) { s.publish(kind, ticketID) }

// insertMessage stores m and updates the ticket's times and search index.
func (s *Service) insertMessage(ctx context.Context, tx *db.Tx, ticketID int64, m NewMessage) (int64, error) {
	if m.CreatedAt.IsZero() {
		m.CreatedAt = db.Now()
	}
	m.CreatedAt = db.Norm(m.CreatedAt)
	id, err := storeMessage(ctx, tx, ticketID, m)
	if err != nil {
		return 0, err
	}
	s.indexBody(ctx, tx, ticketID, m.Words.of(m.Body))
	return id, s.touch(ctx, tx, ticketID, m)
}

// storeMessage only inserts the row; callers keep the ticket in step.
func storeMessage(ctx context.Context, q db.Querier, ticketID int64, m NewMessage) (int64, error) {
	if m.BodyHTML == "" {
		m.BodyHTML = textToHTML(m.Body)
	}
	var h MailHeaders
	if m.Mail != nil {
		h = *m.Mail
	}
	var id int64
	err := q.QueryRowContext(ctx, `INSERT INTO messages (ticket_id, kind, author_operator_id, author_contact_id,
		body_text, body_html, created_at, mail_message_id, mail_in_reply_to, mail_references, mail_from,
		mail_to, mail_cc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
		ticketID, m.Kind, nullID(m.OperatorID), nullID(m.ContactID), m.Body, m.BodyHTML, m.CreatedAt,
		nullText(h.MessageID), nullText(h.InReplyTo), nullText(h.References), nullText(h.From), nullText(h.To),
		nullText(h.Cc)).Scan(&id)
	if err != nil || len(m.Attachments) == 0 {
		return id, err
	}
	return id, insertAttachments(ctx, q, ticketID, id, m.Attachments, m.CreatedAt)
}

func nullText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (s *Service) touch(ctx context.Context, q db.Querier, ticketID int64, m NewMessage) error {
	_, err := q.ExecContext(ctx, `UPDATE tickets SET updated_at = $2,
		last_activity_at = CASE WHEN $3 THEN $2 ELSE last_activity_at END,
		first_response_at = CASE WHEN $4 AND first_response_at IS NULL THEN $2 ELSE first_response_at END,
		last_customer_activity_at = CASE WHEN $5 THEN $2 ELSE last_customer_activity_at END
		WHERE id = $1`, ticketID, m.CreatedAt, m.Kind != System, m.Kind == Reply, m.Kind == Customer)
	return err
}

const messageColumns = `m.id, m.ticket_id, m.kind, m.body_text, m.body_html, m.created_at,
	o.id, o.name, c.id, c.first_name, c.last_name,
	(SELECT email FROM contact_emails ce WHERE ce.contact_id = c.id ORDER BY ce.position, ce.email LIMIT 1)
	FROM messages m LEFT JOIN operators o ON o.id = m.author_operator_id
	LEFT JOIN contacts c ON c.id = m.author_contact_id `

func scanMessage(row interface{ Scan(...any) error }) (Message, error) {
	var m Message
	var opID, cID *int64
	var opName, first, last, email *string
	if err := row.Scan(&m.ID, &m.TicketID, &m.Kind, &m.Body, &m.BodyHTML, &m.CreatedAt,
		&opID, &opName, &cID, &first, &last, &email); err != nil {
		return m, err
	}
	switch {
	case cID != nil && (opID == nil || m.Kind == Customer):
		name := strings.TrimSpace(*first + " " + *last)
		if name == "" && email != nil {
			name = *email
		}
		m.Author = Author{Type: "contact", ID: *cID, Name: name}
		if opName != nil {
			m.Author.WrittenBy = *opName
		}
	case opID != nil:
		m.Author = Author{Type: "operator", ID: *opID, Name: *opName}
	default:
		m.Author = Author{Type: "system", Name: "Frontdesk"}
	}
	return m, nil
}

func (s *Service) message(ctx context.Context, id int64) (Message, error) {
	m, err := scanMessage(s.DB.Read.QueryRowContext(ctx, `SELECT `+messageColumns+`WHERE m.id = $1`, id))
	if err != nil {
		return m, err
	}
	files, err := s.attachmentsWhere(ctx, `a.message_id = $1`, m.ID)
	m.Attachments = nonNil(files[m.ID])
	return m, err
}

func nonNil(a []Attachment) []Attachment {
	if a == nil {
		return []Attachment{}
	}
	return a
}

// Messages returns the thread of ticket id, oldest first. With publicOnly,
// internal notes and system messages are left out: the customer's view.
func (s *Service) Messages(ctx context.Context, id int64, publicOnly bool) ([]Message, error) {
	if _, err := s.Get(ctx, id); err != nil {
		return nil, err
	}
	where := `WHERE m.ticket_id = $1`
	if publicOnly {
		where += ` AND m.kind IN ('customer', 'reply')`
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+messageColumns+where+` ORDER BY m.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Message{}
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	files, err := s.attachmentsOf(ctx, id)
	for i := range out {
		out[i].Attachments = nonNil(files[out[i].ID])
	}
	return out, err
}
