package ticket

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// CustomField is a custom field's definition as a form asks for its value.
// The fields themselves are defined elsewhere (package field); tickets only
// read them.
type CustomField struct {
	ID      int64
	Name    string
	Label   string
	Help    string
	Type    string // text, long_text, number, date, choice, multi_choice, checkbox
	Options []string
}

const customFieldColumns = `SELECT id, name, label, help, type, options FROM custom_fields`

// CustomFields returns the definitions of the named fields that exist, in
// the order of names.
func (s *Service) CustomFields(ctx context.Context, names []string) ([]CustomField, error) {
	out := []CustomField{}
	for _, name := range names {
		f, err := customField(ctx, s.DB.Read, name)
		if errors.Is(err, ErrNoField) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// ErrNoField: no custom field has that name.
var ErrNoField = domain.NotFound("custom field")

func customField(ctx context.Context, q db.Querier, name string) (CustomField, error) {
	var f CustomField
	var options string
	err := q.QueryRowContext(ctx, customFieldColumns+` WHERE name = $1`, name).
		Scan(&f.ID, &f.Name, &f.Label, &f.Help, &f.Type, &options)
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNoField
	}
	if err == nil && json.Unmarshal([]byte(options), &f.Options) != nil {
		f.Options = nil
	}
	return f, err
}
