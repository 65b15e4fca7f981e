package widget

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// ErrNoTeam is returned for a team that does not exist.
var ErrNoTeam = domain.NotFound("team")

// Service reads and changes teams' widget settings.
type Service struct {
	DB *db.DB
}

func get(ctx context.Context, q db.Querier, teamID int64) (Settings, error) {
	s := Settings{TeamID: teamID}
	var origins string
	err := q.QueryRowContext(ctx, `SELECT widget_secret, widget_origins, widget_require_verified, widget_color
		FROM teams WHERE id = $1`, teamID).Scan(&s.Secret, &origins, &s.RequireVerified, &s.Color)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNoTeam
	}
	s.Origins = strings.Fields(origins)
	return s, err
}

// Get returns team teamID's settings. A team made before it had a secret
// gets one now, so every team can sign from its first look.
func (s *Service) Get(ctx context.Context, teamID int64) (Settings, error) {
	st, err := get(ctx, s.DB.Read, teamID)
	if err != nil || st.Secret != "" {
		return st, err
	}
	err = s.DB.WithTx(ctx, func(tx *db.Tx) error {
		// Only an empty secret is filled: two first looks at once agree.
		if _, err := tx.ExecContext(ctx, `UPDATE teams SET widget_secret = $1 WHERE id = $2 AND widget_secret = ''`,
			NewSecret(), teamID); err != nil {
			return err
		}
		st, err = get(ctx, tx, teamID)
		return err
	})
	return st, err
}

// Update saves what an admin edits.
func (s *Service) Update(ctx context.Context, teamID int64, in Input) (Settings, error) {
	in, err := in.normalize()
	if err != nil {
		return Settings{}, err
	}
	err = s.DB.WithTx(ctx, func(tx *db.Tx) error {
		return exec(ctx, tx, `UPDATE teams SET widget_origins = $1, widget_require_verified = $2, widget_color = $3,
			updated_at = $4 WHERE id = $5`, strings.Join(in.Origins, "\n"), in.RequireVerified, in.Color, db.Now(), teamID)
	})
	if err != nil {
		return Settings{}, err
	}
	return s.Get(ctx, teamID)
}

// Rotate replaces team teamID's secret: signatures made with the old one
// stop verifying at once.
func (s *Service) Rotate(ctx context.Context, teamID int64) (Settings, error) {
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		return exec(ctx, tx, `UPDATE teams SET widget_secret = $1, updated_at = $2 WHERE id = $3`,
			NewSecret(), db.Now(), teamID)
	})
	if err != nil {
		return Settings{}, err
	}
	return s.Get(ctx, teamID)
}

func exec(ctx context.Context, tx *db.Tx, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNoTeam
	}
	return nil
}
