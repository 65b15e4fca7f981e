package outbound

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// TranscriptMail is a chat's public transcript, mailed to the address
// the visitor gave. It belongs to the chat: there is no ticket, so no
// ticket token in Reply-To and no public link.
type TranscriptMail struct {
	ChatID  int64
	TeamID  int64 // the chat's team, whose alias sends it; 0: no-reply@ the mail domain
	To      string
	Subject string
	Text    string // public messages only: the chat package renders it
}

// QueueTranscript writes the transcript's mail into the outbox inside
// the caller's transaction, with the loop protection of automatic mail
// (machine addresses, bouncing addresses, the per-recipient limit).
func (s *Service) QueueTranscript(ctx context.Context, tx *db.Tx, t TranscriptMail) error {
	from, err := s.transcriptSender(ctx, tx, t.TeamID)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	m := Mail{ChatID: t.ChatID, Kind: Transcript, Automatic: true, MailMessageID: s.newMessageID(), From: from,
		ReplyTo: from.Email, To: Recipient{Email: t.To}, Subject: t.Subject, Status: Queued, Text: t.Text,
		HTML: "<p>" + strings.ReplaceAll(html.EscapeString(t.Text), "\n", "<br>\n") + "</p>"}
	if err := s.guard(ctx, tx, &m, ticket.Notice{}); err != nil {
		return err
	}
	if err := insertMail(ctx, tx, &m); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}

// transcriptSender is the team's name and alias, or for a channel of no
// team Frontdesk's no-reply address.
func (s *Service) transcriptSender(ctx context.Context, q db.Querier, teamID int64) (Recipient, error) {
	r := Recipient{Name: "Frontdesk"}
	err := q.QueryRowContext(ctx, `SELECT name, email_alias FROM teams WHERE id = $1`, teamID).Scan(&r.Name, &r.Email)
	if err == sql.ErrNoRows || (err == nil && r.Email == "") {
		id := s.newMessageID()
		return Recipient{Name: r.Name, Email: "no-reply@" + id[strings.LastIndex(id, "@")+1:]}, nil
	}
	return r, err
}

// ForChat returns chat id's outbox rows (its transcripts), oldest first.
func (s *Service) ForChat(ctx context.Context, id int64) ([]Mail, error) {
	return s.list(ctx, `WHERE chat_id = $1 ORDER BY id`, id)
}
