// Package mailbox keeps the IMAP mailboxes a team's mail is fetched from,
// and syncs them: every message is handed to the mail intake by UID, so
// nothing depends on, or changes, the server's \Seen flag.
package mailbox

import (
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// TLSMode says how the connection to the IMAP server is protected.
type TLSMode string

// The TLS modes.
const (
	TLS      TLSMode = "tls"      // TLS from the first byte, usually port 993
	StartTLS TLSMode = "starttls" // plain connection upgraded by STARTTLS, usually port 143
	NoTLS    TLSMode = "none"     // plain text: only for a server on a trusted network
)

// Mailbox is one IMAP folder synced into a team. Password is kept in
// plain text in the database.
type Mailbox struct {
	ID       int64
	TeamID   int64
	Host     string
	Port     int
	TLS      TLSMode
	Username string
	Password string
	Folder   string
	Enabled  bool
	// The sync position: the folder's UIDVALIDITY when last seen and the
	// highest UID handed to the intake.
	UIDValidity      uint32
	LastUID          uint32
	LastSyncAt       *time.Time // the last sync that succeeded
	LastError        string     // the last failure; empty after a success
	MessagesImported int64
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Addr is host:port.
func (m Mailbox) Addr() string {
	host := m.Host
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return host + ":" + itoa(m.Port)
}

// ErrNotFound is returned when no mailbox matches.
var ErrNotFound = domain.NotFound("mailbox")

// Input creates or changes a mailbox. On update an empty Password keeps
// the stored one, so a form need not show it.
type Input struct {
	Host     string
	Port     int
	TLS      TLSMode
	Username string
	Password string
	Folder   string
	Enabled  bool
}

// DefaultPort is the usual port of mode.
func DefaultPort(mode TLSMode) int {
	if mode == TLS {
		return 993
	}
	return 143
}

// check validates in, trimmed, and names every bad field.
func (in *Input) check(creating bool) error {
	var c domain.Check
	in.Host = strings.TrimSpace(in.Host)
	in.Username = strings.TrimSpace(in.Username)
	in.Folder = strings.TrimSpace(in.Folder)
	if in.Folder == "" {
		in.Folder = "INBOX"
	}
	c.Line("host", in.Host)
	c.Line("username", in.Username)
	c.Line("folder", in.Folder)
	c.Require(in.Host != "", "host", "must be filled in")
	c.Require(!domain.TooLong(in.Host, 253) && !strings.ContainsAny(in.Host, " /@"), "host",
		"must be a host name or IP address, without a scheme or port")
	c.Require(in.Port >= 1 && in.Port <= 65535, "port", "must be between 1 and 65535")
	c.Require(in.TLS == TLS || in.TLS == StartTLS || in.TLS == NoTLS, "tls", "must be tls, starttls or none")
	c.Require(in.Username != "", "username", "must be filled in")
	c.Require(!domain.TooLong(in.Username, 320), "username", "must be at most 320 characters")
	c.Require(!creating || in.Password != "", "password", "must be filled in")
	c.Require(!domain.TooLong(in.Password, 1024), "password", "must be at most 1024 characters")
	c.Require(!domain.TooLong(in.Folder, 255), "folder", "must be at most 255 characters")
	for field, v := range map[string]string{"username": in.Username, "password": in.Password, "folder": in.Folder} {
		c.Require(!strings.ContainsAny(v, "\r\n\x00"), field, "must not contain line breaks")
	}
	return c.Err()
}
