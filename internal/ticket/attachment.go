package ticket

import (
	"context"
	"database/sql"
	"errors"
	"path"
	"strings"
	"time"
	"unicode"

	"github.com/frontdesk/frontdesk/internal/db"
)

// NewAttachment names content already in the blob store, to be tied to a
// new message.
type NewAttachment struct {
	SHA256      string
	Size        int64
	Filename    string
	ContentType string
	ContentID   string // inline parts of a mail, referenced as cid:
	Inline      bool
}

// Attachment is a file of a message. The hash stays inside: clients fetch
// files by id, through a route that checks who may see the message.
type Attachment struct {
	ID          int64  `json:"id"`
	MessageID   int64  `json:"message_id"`
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	ContentID   string `json:"content_id,omitempty"`
	Inline      bool   `json:"inline"`
	SHA256      string `json:"-"`
}

// AttachmentFile is an attachment with what decides who may read it.
type AttachmentFile struct {
	Attachment
	TicketID int64
	Public   bool // the message is one the customer sees
}

// MaxFilename bounds stored file names, in bytes.
const MaxFilename = 255

// CleanFilename keeps the last path element of name without control or
// invisible characters, so a stored name is safe in a header and a
// download, and reads as what it is: "invoice\u202Efdp.exe" would show
// as "invoiceexe.pdf" with the direction override left in. Every name a
// file is stored or shown under passes here, whatever brought it.
func CleanFilename(name string) string {
	name = strings.Map(func(r rune) rune {
		if invisible(r) || r == '"' {
			return -1
		}
		return r
	}, name)
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(strings.TrimSpace(name))
	if name == "." || name == "/" || name == ".." || name == "" {
		name = "file"
	}
	for len(name) > MaxFilename {
		_, size := lastRune(name)
		name = name[:len(name)-size]
	}
	return name
}

// invisible reports a character that changes how a name reads without
// showing: C0 and C1 controls, format characters (bidirectional marks,
// embeddings, overrides and isolates U+200E-F, U+202A-E, U+2066-9,
// U+061C; zero-width characters; the soft hyphen; the BOM), the line and
// paragraph separators U+2028-9 (they break a name onto two lines), the
// variation selectors U+FE00-F and U+E0100-EF and the tag characters
// U+E0000-7F (none shows on its own), and the blank fillers that render
// as nothing.
func invisible(r rune) bool {
	switch {
	case r == '\u034F', r == '\u115F', r == '\u1160', r == '\u3164', r == '\uFFA0', r == '\u2800',
		r == '\u2028', r == '\u2029',
		r >= '\uFE00' && r <= '\uFE0F', r >= 0xE0100 && r <= 0xE01EF, r >= 0xE0000 && r <= 0xE007F:
		return true
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

func lastRune(s string) (rune, int) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i]&0xC0 != 0x80 {
			return rune(s[i]), len(s) - i
		}
	}
	return 0, 1
}

func insertAttachments(ctx context.Context, q db.Querier, ticketID, messageID int64, files []NewAttachment, at time.Time) error {
	for _, f := range files {
		ct := strings.TrimSpace(f.ContentType)
		if ct == "" {
			ct = "application/octet-stream"
		}
		if _, err := q.ExecContext(ctx, `INSERT INTO attachments (ticket_id, message_id, sha256, filename,
			content_type, size, content_id, inline, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			ticketID, messageID, f.SHA256, CleanFilename(f.Filename), ct, f.Size, f.ContentID, f.Inline, at); err != nil {
			return err
		}
	}
	return nil
}

const attachmentColumns = `a.id, a.message_id, a.filename, a.content_type, a.size, a.content_id, a.inline, a.sha256`

func scanAttachment(row interface{ Scan(...any) error }, extra ...any) (Attachment, error) {
	var a Attachment
	dest := append([]any{&a.ID, &a.MessageID, &a.Filename, &a.ContentType, &a.Size, &a.ContentID, &a.Inline, &a.SHA256}, extra...)
	err := row.Scan(dest...)
	a.Filename = CleanFilename(a.Filename) // a name stored before the rules grew reads clean too
	return a, err
}

// attachmentsOf returns the files of ticket id's messages by message id.
func (s *Service) attachmentsOf(ctx context.Context, id int64) (map[int64][]Attachment, error) {
	return s.attachmentsWhere(ctx, `a.ticket_id = $1`, id)
}

// attachmentsWhere returns the files that cond selects, by message id.
func (s *Service) attachmentsWhere(ctx context.Context, cond string, arg int64) (map[int64][]Attachment, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+attachmentColumns+` FROM attachments a
		WHERE `+cond+` ORDER BY a.message_id, a.id`, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]Attachment{}
	for rows.Next() {
		a, err := scanAttachment(rows)
		if err != nil {
			return nil, err
		}
		out[a.MessageID] = append(out[a.MessageID], a)
	}
	return out, rows.Err()
}

// Attachment returns file id with its ticket and whether the customer may
// see it; ErrNotFound when there is no such file.
func (s *Service) Attachment(ctx context.Context, id int64) (AttachmentFile, error) {
	var f AttachmentFile
	var kind MessageKind
	a, err := scanAttachment(s.DB.Read.QueryRowContext(ctx, `SELECT `+attachmentColumns+`, a.ticket_id, m.kind
		FROM attachments a JOIN messages m ON m.id = a.message_id WHERE a.id = $1`, id), &f.TicketID, &kind)
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNotFound
	}
	f.Attachment, f.Public = a, kind.Public()
	return f, err
}
