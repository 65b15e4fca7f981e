package inbound

import (
	"context"
	"errors"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/jobs"
)

// FailedMail is a mail that could not be filed, for the failed-mail list.
type FailedMail struct {
	ID           int64
	ReceivedAt   time.Time
	Sender       string // From of the mail, else the envelope sender
	Subject      string
	Reason       string
	Size         int64
	SHA256       string
	EnvelopeFrom string
}

// ErrNotFailed is returned when retrying a mail that is not in the list.
var ErrNotFailed = domain.NotFound("failed mail")

// Failed lists failed mails, newest first, those older than id before
// (0: from the newest), at most limit.
func (in *Intake) Failed(ctx context.Context, before int64, limit int) ([]FailedMail, error) {
	return in.listRaw(ctx, `status = 'failed'`, before, limit)
}

// UnmatchedBounces lists the latest delivery reports that named no mail we
// sent to the failed address (forged, or about mail from elsewhere): they
// changed nothing, and an operator may want to look at them.
func (in *Intake) UnmatchedBounces(ctx context.Context, limit int) ([]FailedMail, error) {
	return in.listRaw(ctx, `status = 'ignored' AND error LIKE '`+UnmatchedBounce+`%'`, 0, limit)
}

// listRaw lists raw mails matching where, newest first, older than id
// before (0: from the newest), at most limit.
func (in *Intake) listRaw(ctx context.Context, where string, before int64, limit int) ([]FailedMail, error) {
	if before <= 0 {
		before = 1<<62 - 1
	}
	rows, err := in.DB.Read.QueryContext(ctx, `SELECT id, received_at, sender, subject, error, size, sha256,
		envelope_from FROM raw_mails WHERE `+where+` AND id < $1 ORDER BY id DESC LIMIT $2`, before, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []FailedMail{}
	for rows.Next() {
		var f FailedMail
		if err := rows.Scan(&f.ID, &f.ReceivedAt, &f.Sender, &f.Subject, &f.Reason, &f.Size, &f.SHA256,
			&f.EnvelopeFrom); err != nil {
			return nil, err
		}
		if f.Sender == "" {
			f.Sender = f.EnvelopeFrom
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Raw returns the stored bytes of raw mail id, for a download.
func (in *Intake) Raw(ctx context.Context, id int64) ([]byte, error) {
	row, err := in.loadRaw(ctx, id)
	if err != nil {
		return nil, err
	}
	return in.bytesOf(row)
}

// Retry puts a failed mail back in the queue and processes it at once;
// the result says whether it was filed this time.
func (in *Intake) Retry(ctx context.Context, id int64) (Result, error) {
	err := in.DB.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE raw_mails SET status = 'received', error = '', processed_at = NULL
			WHERE id = $1 AND status = 'failed'`, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errors.Join(err, ErrNotFailed)
		}
		return jobs.Enqueue(ctx, tx, JobKind, id, db.Now())
	})
	if err != nil {
		return Result{}, err
	}
	res, err := in.Process(ctx, id)
	if err != nil {
		// Stored and queued: the worker tries again with backoff.
		return Result{RawID: id, Status: StatusReceived, Reason: err.Error()}, nil
	}
	return res, nil
}

// Outcome says what became of raw mail id so far.
func (in *Intake) Outcome(ctx context.Context, id int64) (Result, error) {
	return in.result(ctx, id, nil)
}
