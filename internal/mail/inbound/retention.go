package inbound

import (
	"context"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
)

// pruneBatch bounds one delete, so the writer is never held for long.
const pruneBatch = 500

// Mails filed or ignored may go; a failed mail waits under Failed mail
// for someone to look at it, and a received one for its processing.
const pruneSQL = `DELETE FROM raw_mails WHERE id IN (
	SELECT id FROM raw_mails WHERE received_at < $1 AND status IN ('processed', 'ignored')
	ORDER BY received_at LIMIT $2)`

// PruneRawMails deletes the raw mails received before cutoff that were
// processed or ignored, with the bytes kept in the database. Their tickets
// and messages stay; files of larger mails go with the next blob sweep,
// which finds nothing naming them any more. It returns how many it deleted.
func (in *Intake) PruneRawMails(ctx context.Context, cutoff time.Time) (int64, error) {
	var total int64
	for {
		var n int64
		err := in.DB.WithTx(ctx, func(tx *db.Tx) error {
			res, err := tx.ExecContext(ctx, pruneSQL, db.Norm(cutoff), pruneBatch)
			if err == nil {
				n, err = res.RowsAffected()
			}
			return err
		})
		total += n
		if err != nil || n < pruneBatch {
			return total, err
		}
	}
}
