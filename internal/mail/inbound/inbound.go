// Package inbound takes mail in: it stores each raw mail durably first (a
// raw_mails row with the mail's bytes, or a file in the blob store for a
// large one, and its processing job, in one synced transaction), and a job
// then parses it, finds its ticket and adds it. The SMTP listener, IMAP
// mailboxes and `frontdesk mail import` all enter through Accept.
package inbound

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"

	"github.com/frontdesk/frontdesk/internal/blob"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/jobs"
	"github.com/frontdesk/frontdesk/internal/mail/auth"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// JobKind names the processing job of a raw mail.
const JobKind = "mail.process"

// Sources a raw mail can come from.
const (
	SourceSMTP   = "smtp"
	SourceIMAP   = "imap"
	SourceImport = "import"
)

// Source says how a mail arrived.
type Source struct {
	Kind         string // smtp | imap | import
	EnvelopeFrom string
	EnvelopeTo   []string
	Team         string // id or slug when the channel fixes it (import --team, an IMAP mailbox)
	ClientIP     string // the SMTP client's address, for SPF
	Helo         string // the name it greeted with
}

// TicketWriter is what intake needs from the ticket service.
type TicketWriter interface {
	CreateTx(ctx context.Context, tx *db.Tx, in ticket.NewTicket) (id, first int64, err error)
	AddMessageTx(ctx context.Context, tx *db.Tx, id int64, m ticket.NewMessage) (int64, error)
	Announce(kind string, ticketID int64)
}

// TeamFinder finds teams by id, slug or alias.
type TeamFinder interface {
	Find(ctx context.Context, q db.Querier, ref string) (team.Team, error)
	ByAlias(ctx context.Context, address string) (team.Team, error)
	List(ctx context.Context) ([]team.Team, error)
}

// OperatorFinder finds an operator by email.
type OperatorFinder interface {
	GetByEmail(ctx context.Context, email string) (operator.Operator, error)
}

// ContactResolver links a mail's sender to a contact inside a transaction.
type ContactResolver interface {
	Resolve(ctx context.Context, q db.Querier, in contact.Identity) (int64, error)
}

// Intake accepts and processes inbound mail.
type Intake struct {
	DB         *db.DB
	Blobs      *blob.Store
	Tickets    TicketWriter
	Teams      TeamFinder
	Operators  OperatorFinder
	Contacts   ContactResolver
	MailDomain string
	// Wake, when set, hears of each accepted mail so a worker starts at once.
	Wake func()
	// Limits and TokenGuesses are the rate limits of the SMTP listener
	// (nil: in memory); TokenGuesses is the budget of ticket tokens naming
	// nothing that the web's token lookups spend too.
	Limits       httpx.Limits
	TokenGuesses httpx.Limiter
	// Auth checks DKIM, SPF and DMARC of mail that came by SMTP or IMAP
	// (nil: not checked, every From is believed).
	Auth *auth.Checker

	policyOnce sync.Once
	htmlPolicy *bluemonday.Policy
	guessOnce  sync.Once
	ownGuesses httpx.Limiter
}

func (in *Intake) policy() *bluemonday.Policy {
	in.policyOnce.Do(func() { in.htmlPolicy = htmlPolicy() })
	return in.htmlPolicy
}

// Accepted identifies a stored raw mail.
type Accepted struct {
	ID        int64
	Duplicate bool // the same bytes were already taken in for this team
}

// Accept stores raw durably and queues its processing; it returns only
// once both are committed, so a caller may then confirm receipt.
func (in *Intake) Accept(ctx context.Context, raw []byte, src Source) (Accepted, error) {
	return in.AcceptFrom(ctx, bytes.NewReader(raw), src)
}

// inlineMax is the largest mail kept in the database rather than as a
// file: creating and syncing a file per mail costs more than the mail's
// share of a synced commit, but a mail of many megabytes is better
// written once to a file than to the log and again to the database.
const inlineMax = 1 << 20

// AcceptFrom is Accept for a mail read from r; a mail over inlineMax is
// streamed to a file rather than held in memory (the SMTP listener's DATA).
func (in *Intake) AcceptFrom(ctx context.Context, r io.Reader, src Source) (Accepted, error) {
	head, err := io.ReadAll(io.LimitReader(r, inlineMax+1))
	if err != nil {
		return Accepted{}, fmt.Errorf("read raw mail: %w", err)
	}
	ref, content := blob.RefOf(head), head
	if len(head) > inlineMax {
		content = nil
		if ref, err = in.Blobs.Put(io.MultiReader(bytes.NewReader(head), r), 0); err != nil {
			return Accepted{}, fmt.Errorf("store raw mail: %w", err)
		}
	}
	teamID, err := in.teamOf(ctx, src)
	if err != nil {
		return Accepted{}, err
	}
	var a Accepted
	err = in.DB.WithSyncedTx(ctx, func(tx *db.Tx) error {
		a = Accepted{}
		err := tx.QueryRowContext(ctx, `INSERT INTO raw_mails (sha256, size, source, envelope_from, envelope_to,
			team_id, received_at, client_ip, helo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
			ON CONFLICT DO NOTHING RETURNING id`,
			ref.SHA256, ref.Size, src.Kind, src.EnvelopeFrom, strings.Join(src.EnvelopeTo, ", "), teamID,
			db.Now(), src.ClientIP, clip(src.Helo, 255)).Scan(&a.ID)
		if errors.Is(err, sql.ErrNoRows) {
			a.Duplicate = true
			return tx.QueryRowContext(ctx, `SELECT id FROM raw_mails WHERE COALESCE(team_id, 0) = $1 AND sha256 = $2`,
				valueOr(teamID), ref.SHA256).Scan(&a.ID)
		}
		if err != nil {
			return err
		}
		if content != nil {
			if _, err := tx.ExecContext(ctx, `INSERT INTO raw_mail_contents (raw_mail_id, content) VALUES ($1, $2)`,
				a.ID, content); err != nil {
				return err
			}
		}
		return jobs.Enqueue(ctx, tx, JobKind, a.ID, db.Now())
	})
	if err == nil && !a.Duplicate && in.Wake != nil {
		in.Wake()
	}
	return a, err
}

func valueOr(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}

// teamOf is the team the channel names, else the first envelope recipient
// that is a team alias or a reply address; nil when neither says.
func (in *Intake) teamOf(ctx context.Context, src Source) (*int64, error) {
	if src.Team != "" {
		t, err := in.Teams.Find(ctx, in.DB.Read, src.Team)
		if err != nil {
			return nil, fmt.Errorf("team %q: %w", src.Team, err)
		}
		return &t.ID, nil
	}
	for _, rcpt := range src.EnvelopeTo {
		t, _, err := in.Recipient(ctx, rcpt)
		if err == nil {
			return &t.ID, nil
		}
		if !errors.Is(err, team.ErrNotFound) {
			return nil, err
		}
	}
	return nil, nil
}
