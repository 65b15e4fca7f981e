// Package outbound sends Frontdesk's mail to customers through a durable
// outbox: replies, "ticket received" and "ticket closed" mails are queued
// as rows inside the transaction of the change that caused them, and a
// sender worker delivers them to the SMTP relay with retries.
//
// Delivery is at least once: a crash after the relay's 250 and before the
// row is marked sent sends the mail again, byte for byte, with the same
// Message-ID, so receivers can drop the duplicate.
package outbound

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/blob"
	"github.com/frontdesk/frontdesk/internal/db"
)

// Status is where a mail stands.
type Status string

// A mail is queued, then sending (claimed by a sender for a lease), then
// sent; failed after retrying for a day or a permanent refusal; suppressed
// when loop protection or a bouncing address stopped it.
const (
	Queued     Status = "queued"
	Sending    Status = "sending"
	Sent       Status = "sent"
	Failed     Status = "failed"
	Suppressed Status = "suppressed"
)

// Recipient is a mailbox: a name and an address.
type Recipient struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email"`
}

// Participants reads who else takes part in a ticket (Cc'd by the
// customer); they receive public replies.
type Participants interface {
	Participants(ctx context.Context, q db.Querier, ticketID int64) ([]Recipient, error)
}

// File is an attachment of a mail, by its blob.
type File struct {
	SHA256      string `json:"sha256"`
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	ContentID   string `json:"content_id,omitempty"`
	Inline      bool   `json:"inline,omitempty"`
}

// Mail is one row of the outbox: everything needed to send it again.
type Mail struct {
	ID            int64
	TicketID      int64 // 0 for a chat's transcript
	TicketNumber  int64
	ChatID        int64 // the transcript's chat, 0 for a ticket's mail
	MessageID     int64 // the reply behind the mail, 0 for none
	Kind          Kind
	Automatic     bool
	From          Recipient
	ReplyTo       string
	To            Recipient
	Cc            []Recipient
	Subject       string
	MailMessageID string // without angle brackets
	InReplyTo     string
	References    []string
	Text, HTML    string
	Attachments   []File
	Status        Status
	Attempts      int
	NextAttemptAt time.Time
	LastError     string
	CreatedAt     time.Time
	SentAt        *time.Time
}

// Service queues mail (it is the tickets' Notifier) and manages templates.
type Service struct {
	DB           *db.DB
	Brand        BrandReader // optional: the install's brand over customers' mails
	Blobs        *blob.Store
	BaseURL      string       // for the public link, {base_url}/t/{token}
	MailDomain   string       // right side of Message-IDs
	Participants Participants // optional: nobody is Cc'd when nil
	// RelaySet says whether a relay is configured, for the outbox page.
	RelaySet bool
	// AutoLimit bounds automatic mails to one address per hour (0: 10).
	AutoLimit int
}

// newMessageID returns a fresh id at the mail domain, without brackets.
func (s *Service) newMessageID() string {
	b := make([]byte, 15)
	_, _ = rand.Read(b)
	local := strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
	domain := strings.ToLower(strings.TrimSpace(s.MailDomain))
	if domain == "" {
		domain = "localhost"
	}
	return "fd." + local + "@" + domain
}

func (s *Service) autoLimit() int {
	if s.AutoLimit > 0 {
		return s.AutoLimit
	}
	return 10
}
