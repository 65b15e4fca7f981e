package form

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
)

// ErrNoTeam is returned for a team that does not exist.
var ErrNoTeam = domain.NotFound("team")

// Service reads and saves teams' forms.
type Service struct {
	DB *db.DB
	// Teams forgets remembered teams after the form switch changes one.
	Teams interface{ Forget() }
	// Fields are the custom ticket fields a form field can fill; nil: none.
	Fields FieldLister
}

const fieldColumns = `name, target, input_type, label, description, placeholder, default_value, required,
	options, show_if`

// Get returns team teamID's form; a team that never saved one has the
// default form.
func (s *Service) Get(ctx context.Context, teamID int64) (Form, error) {
	f, err := get(ctx, s.DB.Read, teamID)
	if err != nil {
		return f, err
	}
	f.Defs, err = s.defs(ctx)
	return f, err
}

func (s *Service) defs(ctx context.Context) (map[string]field.Def, error) {
	if s.Fields == nil {
		return map[string]field.Def{}, nil
	}
	defs, err := s.Fields.List(ctx)
	return defsByName(defs), err
}

func get(ctx context.Context, q db.Querier, teamID int64) (Form, error) {
	f := Form{TeamID: teamID}
	err := q.QueryRowContext(ctx, `SELECT form_enabled FROM teams WHERE id = $1`, teamID).Scan(&f.Published)
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNoTeam
	}
	if err != nil {
		return f, err
	}
	if f.Fields, err = fields(ctx, q, teamID); err != nil {
		return f, err
	}
	f.Custom = len(f.Fields) > 0
	if !f.Custom {
		f.Fields = Default()
	}
	return f, nil
}

func fields(ctx context.Context, q db.Querier, teamID int64) ([]Field, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+fieldColumns+` FROM form_fields WHERE team_id = $1 ORDER BY position`, teamID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Field
	for rows.Next() {
		var f Field
		var opts string
		if err := rows.Scan(&f.Name, &f.Target, &f.Type, &f.Label, &f.Description, &f.Placeholder, &f.Default,
			&f.Required, &opts, &f.ShowIf); err != nil {
			return nil, err
		}
		f.Options = splitOptions(opts)
		out = append(out, f)
	}
	return out, rows.Err()
}

// Save replaces team teamID's fields with fields, in order, after
// checking them as a whole; nothing changes when a rule fails.
func (s *Service) Save(ctx context.Context, teamID int64, in []Field) (Form, error) {
	in = Normalize(in)
	defs, err := s.defs(ctx)
	if err != nil {
		return Form{}, err
	}
	if err := errors.Join(fitCustom(in, defs), Validate(in)); err != nil {
		return Form{}, mergeChecks(err)
	}
	var f Form
	err = s.DB.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		if f, err = get(ctx, tx, teamID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM form_fields WHERE team_id = $1`, teamID); err != nil {
			return err
		}
		for i, fl := range in {
			if _, err := tx.ExecContext(ctx, `INSERT INTO form_fields (team_id, position, `+fieldColumns+`)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, teamID, i, fl.Name, fl.Target, fl.Type,
				fl.Label, fl.Description, fl.Placeholder, fl.Default, fl.Required, strings.Join(fl.Options, "\n"),
				fl.ShowIf); err != nil {
				return err
			}
		}
		return nil
	})
	f.Fields, f.Custom, f.Defs = in, true, defs
	return f, err
}

// SetPublished publishes or withdraws team teamID's form: the same switch
// as the team's web-form channel.
func (s *Service) SetPublished(ctx context.Context, teamID int64, on bool) error {
	defer s.Teams.Forget()
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE teams SET form_enabled = $1, updated_at = $2 WHERE id = $3`,
			on, db.Now(), teamID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNoTeam
		}
		return nil
	})
}

// mergeChecks makes one validation error of joined ones.
func mergeChecks(err error) error {
	var c domain.Check
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		if e != nil {
			if other := c.Merge("", e); other != nil {
				return other
			}
		}
	}
	return c.Err()
}
