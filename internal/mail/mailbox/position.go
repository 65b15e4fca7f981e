package mailbox

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
)

// The sync position and status are written without touching updated_at:
// updated_at marks a change of settings, which restarts the syncer.

// StartOver records a folder's new UIDVALIDITY: its old UIDs mean nothing
// now, so every message is imported again (the intake drops those it has).
func (s *Service) StartOver(ctx context.Context, id int64, uidValidity uint32) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE mailboxes SET uidvalidity = $2, last_uid = 0 WHERE id = $1`,
			id, int64(uidValidity))
		return err
	})
}

// Advance records that messages up to uid were handed to the intake, n of
// them new since the last call. It never moves the position back, and
// does nothing when the folder's UIDVALIDITY has changed meanwhile.
func (s *Service) Advance(ctx context.Context, id int64, uidValidity, uid uint32, n int) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE mailboxes SET last_uid = $3, messages_imported = messages_imported + $4
			WHERE id = $1 AND uidvalidity = $2 AND last_uid < $3`, id, int64(uidValidity), int64(uid), n)
		return err
	})
}

// Synced records a sync that succeeded.
func (s *Service) Synced(ctx context.Context, id int64) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE mailboxes SET last_sync_at = $2, last_error = '' WHERE id = $1`, id, db.Now())
		return err
	})
}

// Failed records why the last sync failed.
func (s *Service) Failed(ctx context.Context, id int64, reason string) error {
	if len(reason) > 1000 {
		reason = reason[:1000]
	}
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE mailboxes SET last_error = $2 WHERE id = $1`, id, reason)
		return err
	})
}
