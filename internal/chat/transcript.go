package chat

import (
	"context"
	"fmt"
	"net/mail"
	"strings"

	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// TranscriptMail is a chat's public transcript for the visitor.
type TranscriptMail struct {
	ChatID  int64
	TeamID  int64 // 0 for a channel of no team
	To      string
	Subject string
	Text    string
}

// transcript renders the public messages as plain text, one per line
// group: "[15:04] Ada: text". Private messages never appear.
func transcript(c Chat, ms []Message) string {
	var b strings.Builder
	for _, m := range ms {
		if m.Private {
			continue
		}
		who := c.Visitor.Name
		switch {
		case m.Author == System:
			who = "System"
		case m.Operator != nil:
			who = m.Operator.Name
		case who == "":
			who = "Visitor"
		}
		fmt.Fprintf(&b, "[%s] %s: %s\n", m.CreatedAt.UTC().Format("2006-01-02 15:04"), who, m.Body)
		if len(m.Choices) > 0 {
			fmt.Fprintf(&b, "    (answers offered: %s)\n", choiceLabels(m.Choices))
		}
		for _, f := range m.Files {
			fmt.Fprintf(&b, "    (file: %s)\n", f.Name)
		}
	}
	return b.String()
}

// Transcript returns the chat's public transcript as text.
func (s *Service) Transcript(ctx context.Context, chatID int64) (string, error) {
	c, err := s.Get(ctx, chatID)
	if err != nil {
		return "", err
	}
	ms, err := s.allMessages(ctx, s.DB.Read, chatID, false)
	return transcript(c, ms), err
}

// allMessages reads every message of a chat, page by page.
func (s *Service) allMessages(ctx context.Context, q db.Querier, chatID int64, withPrivate bool) ([]Message, error) {
	var out []Message
	var after int64
	for {
		ms, err := messagesAfter(ctx, q, chatID, after, withPrivate, MaxReplay)
		if err != nil || len(ms) == 0 {
			return out, err
		}
		out = append(out, ms...)
		after = ms[len(ms)-1].Seq
	}
}

// MailTranscript queues the public transcript to the address the visitor
// gives, through the outbox.
func (s *Service) MailTranscript(ctx context.Context, chatID int64, to string) error {
	to = strings.TrimSpace(to)
	if a, err := mail.ParseAddress(to); err != nil || a.Address != to {
		return domain.Invalid("email", "is not an email address")
	}
	if s.Mailer == nil {
		return domain.Conflict("transcripts cannot be mailed from this server")
	}
	c, err := s.Get(ctx, chatID)
	if err != nil {
		return err
	}
	ms, err := s.allMessages(ctx, s.DB.Read, chatID, false)
	if err != nil {
		return err
	}
	m := TranscriptMail{ChatID: chatID, To: to, Subject: "Your chat transcript",
		Text: "Your chat of " + c.CreatedAt.UTC().Format("2 January 2006") + " (times in UTC):\n\n" + transcript(c, ms)}
	if c.TeamID != nil {
		m.TeamID = *c.TeamID
	}
	return s.DB.WithTx(ctx, func(tx *db.Tx) error { return s.Mailer.Transcript(ctx, tx, m) })
}

// choiceLabels lists a bot question's answers as a line of text.
func choiceLabels(cs []chatbot.Answer) string {
	labels := make([]string, len(cs))
	for i, c := range cs {
		labels[i] = c.Label
	}
	return strings.Join(labels, " / ")
}
