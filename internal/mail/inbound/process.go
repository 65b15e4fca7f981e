package inbound

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/jobs"
	"github.com/frontdesk/frontdesk/internal/mail/auth"
	"github.com/frontdesk/frontdesk/internal/mail/parse"
)

// Statuses of a raw mail.
const (
	StatusReceived  = "received"
	StatusProcessed = "processed"
	StatusFailed    = "failed"
	StatusIgnored   = "ignored"
)

// Result is what became of a raw mail.
type Result struct {
	RawID     int64
	Status    string
	Reason    string // why it was ignored or failed
	TicketID  int64
	Number    int64
	MessageID int64
	New       bool // a new ticket was opened
}

// rawRow is a raw_mails row as processing needs it.
type rawRow struct {
	id         int64
	sha256     string
	source     string
	envelope   auth.Envelope
	envelopeTo string
	clientIP   string // the SMTP client's, as stored at acceptance; "" for IMAP and imports
	teamID     *int64
	status     string
	content    []byte // the mail, unless it is a file in the blob store
}

// Process parses raw mail id and files it. It is idempotent: a mail
// already processed returns its result, and all writes (message, ticket,
// participants, the raw mail's status, the end of its job) commit in one
// transaction, so a crash in between leaves nothing half done. A mail that
// can never be filed is marked failed with the reason; other errors are
// for the caller to retry.
func (in *Intake) Process(ctx context.Context, id int64) (Result, error) {
	return in.result(ctx, id, in.process(ctx, id))
}

// process is Process without reading back the result, which the job
// worker has no use for.
func (in *Intake) process(ctx context.Context, id int64) error {
	row, err := in.loadRaw(ctx, id)
	if err != nil {
		return err
	}
	if row.status != StatusReceived {
		return in.endJob(ctx, id)
	}
	raw, err := in.bytesOf(row)
	if err != nil {
		return err
	}
	m := parse.Parse(raw)
	mi, err := in.prepare(ctx, row, raw, m)
	if err == nil {
		err = in.file(ctx, row, mi)
	}
	var perm *permanentError
	var ve *domain.ValidationError
	if errors.As(err, &perm) || errors.As(err, &ve) {
		err = in.MarkFailed(ctx, id, m, err)
	}
	return err
}

// endJob ends the job of a mail already filed, which a crash or a second
// worker may leave behind.
func (in *Intake) endJob(ctx context.Context, id int64) error {
	return in.DB.WithTx(ctx, func(tx *db.Tx) error { return jobs.DoneFor(ctx, tx, JobKind, id) })
}

// permanentError is a reason a mail can never be filed as it is.
type permanentError struct{ reason string }

func (e *permanentError) Error() string { return e.reason }

func (in *Intake) loadRaw(ctx context.Context, id int64) (rawRow, error) {
	r := rawRow{id: id}
	err := in.DB.Read.QueryRowContext(ctx, `SELECT r.sha256, r.source, r.envelope_from, r.client_ip, r.helo,
		r.envelope_to, r.team_id, r.status, c.content
		FROM raw_mails r LEFT JOIN raw_mail_contents c ON c.raw_mail_id = r.id WHERE r.id = $1`, id).
		Scan(&r.sha256, &r.source, &r.envelope.MailFrom, &r.clientIP, &r.envelope.Helo, &r.envelopeTo, &r.teamID,
			&r.status, &r.content)
	r.envelope.ClientIP = net.ParseIP(r.clientIP)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("raw mail %d: %w", id, domain.ErrNotFound)
	}
	return r, err
}

// bytesOf returns the stored mail of row.
func (in *Intake) bytesOf(row rawRow) ([]byte, error) {
	if row.content != nil {
		return row.content, nil
	}
	raw, err := in.Blobs.ReadAll(row.sha256)
	if err != nil {
		return nil, fmt.Errorf("read raw mail %d: %w", row.id, err)
	}
	return raw, nil
}

// file does the writes of one mail in one transaction.
func (in *Intake) file(ctx context.Context, row rawRow, mi *mailIn) error {
	var res Result
	err := in.DB.WithTx(ctx, func(tx *db.Tx) error {
		claimed, err := claimRaw(ctx, tx, row.id)
		if err != nil || !claimed {
			// Another worker filed it meanwhile.
			return errors.Join(err, jobs.DoneFor(ctx, tx, JobKind, row.id))
		}
		if res, err = in.decide(ctx, tx, mi); err != nil {
			return err
		}
		if mi.auth != nil && res.Status == StatusProcessed && res.MessageID != 0 {
			if err := auth.Save(ctx, tx, res.MessageID, *mi.auth); err != nil {
				return err
			}
		}
		if err := finish(ctx, tx, row.id, mi, res); err != nil {
			return err
		}
		return jobs.DoneFor(ctx, tx, JobKind, row.id)
	})
	if err == nil && res.TicketID != 0 {
		if res.New {
			in.Tickets.Announce("ticket.created", res.TicketID)
		} else if res.MessageID != 0 {
			in.Tickets.Announce("message.created", res.TicketID)
		}
	}
	return err
}

// claimRaw locks the raw mail's row for this transaction (PostgreSQL makes
// a second worker wait, then see the new status) and reports whether it
// still waits for processing.
func claimRaw(ctx context.Context, tx *db.Tx, id int64) (bool, error) {
	res, err := tx.ExecContext(ctx, `UPDATE raw_mails SET status = status WHERE id = $1 AND status = 'received'`, id)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// decide files the mail and says what became of it.
func (in *Intake) decide(ctx context.Context, tx *db.Tx, mi *mailIn) (Result, error) {
	switch {
	case mi.own:
		return Result{Status: StatusIgnored, Reason: "our own mail"}, nil
	case mi.msg.Delivery != nil:
		return in.bounce(ctx, tx, mi)
	case isDaemon(mi.sender):
		return in.plainBounce(ctx, tx, mi)
	}
	if dup, err := duplicate(ctx, tx, mi); err != nil || dup.Status != "" {
		return dup, err
	}
	ticketID, err := in.thread(ctx, tx, mi)
	if err != nil {
		return Result{}, err
	}
	var res Result
	if ticketID == 0 {
		res, err = in.open(ctx, tx, mi)
	} else {
		res, err = in.add(ctx, tx, ticketID, mi)
	}
	if err != nil {
		return res, err
	}
	return res, in.noteParsing(ctx, tx, res.TicketID, mi.msg)
}

// finish records the outcome on the raw mail.
func finish(ctx context.Context, tx *db.Tx, id int64, mi *mailIn, res Result) error {
	// team_id stays as accepted: it is half of the key that spots the same
	// bytes delivered again.
	_, err := tx.ExecContext(ctx, `UPDATE raw_mails SET status = $2, error = $3, ticket_id = $4, message_id = $5,
		subject = $6, sender = $7, processed_at = $8 WHERE id = $1`,
		id, res.Status, res.Reason, nullID(res.TicketID), nullID(res.MessageID),
		clip(mi.msg.Subject, 500), clip(mi.sender, 254), db.Now())
	return err
}

func nullID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// MarkFailed records why mail id could not be filed; the failed-mail list
// shows it with a retry.
func (in *Intake) MarkFailed(ctx context.Context, id int64, m *parse.Message, cause error) error {
	var subject, sender string
	if m != nil {
		subject = m.Subject
		if len(m.From) > 0 {
			sender = m.From[0].Address
		}
	}
	return in.DB.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE raw_mails SET status = 'failed', error = $2, subject = $3,
			sender = $4, processed_at = $5 WHERE id = $1 AND status = 'received'`,
			id, clip(domain.Clean(cause.Error(), true), 2000), clip(domain.Clean(subject, false), 500),
			clip(domain.Clean(sender, false), 254), db.Now()); err != nil {
			return err
		}
		return jobs.DoneFor(ctx, tx, JobKind, id)
	})
}

// result reads what became of raw mail id, after prior (an error of the
// step before, returned as is).
func (in *Intake) result(ctx context.Context, id int64, prior error) (Result, error) {
	r := Result{RawID: id}
	if prior != nil {
		return r, prior
	}
	var ticketID, messageID, number *int64
	var first *int64
	err := in.DB.Read.QueryRowContext(ctx, `SELECT r.status, r.error, r.ticket_id, r.message_id, t.number,
		(SELECT MIN(m.id) FROM messages m WHERE m.ticket_id = r.ticket_id)
		FROM raw_mails r LEFT JOIN tickets t ON t.id = r.ticket_id WHERE r.id = $1`, id).
		Scan(&r.Status, &r.Reason, &ticketID, &messageID, &number, &first)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("raw mail %d: %w", id, domain.ErrNotFound)
	}
	r.TicketID, r.MessageID, r.Number = deref(ticketID), deref(messageID), deref(number)
	r.New = r.MessageID != 0 && first != nil && *first == r.MessageID
	return r, err
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// fold lower-cases an address for comparison.
func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
