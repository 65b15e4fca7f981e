package mailbox

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"sync"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Service stores mailboxes and their sync position.
type Service struct {
	DB *db.DB

	once    sync.Once
	changed chan struct{}
}

const columns = `id, team_id, host, port, tls_mode, username, password, folder, enabled, uidvalidity, last_uid,
	last_sync_at, last_error, messages_imported, created_at, updated_at`

func scan(row interface{ Scan(...any) error }) (Mailbox, error) {
	var m Mailbox
	var uidValidity, lastUID int64
	err := row.Scan(&m.ID, &m.TeamID, &m.Host, &m.Port, &m.TLS, &m.Username, &m.Password, &m.Folder, &m.Enabled,
		&uidValidity, &lastUID, &m.LastSyncAt, &m.LastError, &m.MessagesImported, &m.CreatedAt, &m.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNotFound
	}
	m.UIDValidity, m.LastUID = uint32(uidValidity), uint32(lastUID)
	return m, err
}

func (s *Service) query(ctx context.Context, where string, args ...any) ([]Mailbox, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+columns+` FROM mailboxes `+where+` ORDER BY team_id, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Mailbox{}
	for rows.Next() {
		m, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Get returns mailbox id.
func (s *Service) Get(ctx context.Context, id int64) (Mailbox, error) {
	return scan(s.DB.Read.QueryRowContext(ctx, `SELECT `+columns+` FROM mailboxes WHERE id = $1`, id))
}

// ByTeam returns the team's mailboxes, oldest first.
func (s *Service) ByTeam(ctx context.Context, teamID int64) ([]Mailbox, error) {
	return s.query(ctx, `WHERE team_id = $1`, teamID)
}

// Enabled returns every mailbox that should be synced.
func (s *Service) Enabled(ctx context.Context) ([]Mailbox, error) {
	return s.query(ctx, `WHERE enabled = $1`, true)
}

// Create adds a mailbox to team teamID.
func (s *Service) Create(ctx context.Context, teamID int64, in Input) (Mailbox, error) {
	if err := in.check(true); err != nil {
		return Mailbox{}, err
	}
	var id int64
	now := db.Now()
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO mailboxes (team_id, host, port, tls_mode, username, password,
			folder, enabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
			teamID, in.Host, in.Port, in.TLS, in.Username, in.Password, in.Folder, in.Enabled, now).Scan(&id)
	})
	if err := writeErr(err); err != nil {
		return Mailbox{}, err
	}
	s.notify()
	return s.Get(ctx, id)
}

// Update changes mailbox id of team teamID. A new server, user or folder
// is another mailbox: the sync position starts over.
func (s *Service) Update(ctx context.Context, teamID, id int64, in Input) (Mailbox, error) {
	if err := in.check(false); err != nil {
		return Mailbox{}, err
	}
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE mailboxes SET
			uidvalidity = CASE WHEN host = $3 AND port = $4 AND username = $6 AND folder = $8 THEN uidvalidity ELSE 0 END,
			last_uid = CASE WHEN host = $3 AND port = $4 AND username = $6 AND folder = $8 THEN last_uid ELSE 0 END,
			host = $3, port = $4, tls_mode = $5, username = $6,
			password = CASE WHEN $7 = '' THEN password ELSE $7 END, folder = $8, enabled = $9, last_error = '',
			updated_at = $10
			WHERE id = $1 AND team_id = $2`,
			id, teamID, in.Host, in.Port, in.TLS, in.Username, in.Password, in.Folder, in.Enabled, db.Now())
		return affected(res, err)
	})
	if err := writeErr(err); err != nil {
		return Mailbox{}, err
	}
	s.notify()
	return s.Get(ctx, id)
}

// Delete removes mailbox id of team teamID. Mail already imported stays.
func (s *Service) Delete(ctx context.Context, teamID, id int64) error {
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM mailboxes WHERE id = $1 AND team_id = $2`, id, teamID)
		return affected(res, err)
	})
	if err == nil {
		s.notify()
	}
	return err
}

func affected(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errors.Join(ErrNotFound, err)
	}
	return nil
}

func writeErr(err error) error {
	switch {
	case db.IsUniqueViolation(err, "host") || db.IsUniqueViolation(err, "mailboxes"):
		return domain.Invalid("folder", "this folder of this account is already synced by a mailbox")
	case db.IsForeignKeyViolation(err):
		return domain.NotFound("team")
	}
	return err
}

// Changed is signalled after every change of a mailbox's settings, so the
// syncers on this node pick it up at once.
func (s *Service) Changed() <-chan struct{} { return s.changes() }

func (s *Service) changes() chan struct{} {
	s.once.Do(func() { s.changed = make(chan struct{}, 1) })
	return s.changed
}

func (s *Service) notify() {
	select {
	case s.changes() <- struct{}{}:
	default:
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
