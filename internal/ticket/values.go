package ticket

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

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

// planValues writes the custom-field values of p (name to values; no
// value clears the field) in canonical text, checked against each type.
func (s *Service) planValues(ctx context.Context, tx *db.Tx, t Ticket, p Patch, c *domain.Check) error {
	for _, name := range slices.Sorted(maps.Keys(p.Values)) {
		f, err := customField(ctx, tx, name)
		if errors.Is(err, ErrNoField) {
			c.Add(name, "is not a custom field")
			continue
		}
		if err != nil {
			return err
		}
		vals, msg := canonical(f, p.Values[name])
		if msg != "" {
			c.Add(name, msg)
			continue
		}
		if err := setValues(ctx, tx, t.ID, f.ID, vals); err != nil {
			return err
		}
	}
	return nil
}

// canonical turns the typed values into stored ones (see the schema's
// ticket_values), or says what is wrong with them.
func canonical(f CustomField, in []string) ([]string, string) {
	var out []string
	for _, v := range in {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return nil, ""
	}
	if f.Type != "multi_choice" && len(out) > 1 {
		return nil, "takes one value"
	}
	v := out[0]
	switch f.Type {
	case "number":
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, "must be a number"
		}
		return []string{strconv.FormatFloat(n, 'f', -1, 64)}, ""
	case "date":
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return nil, "must be a date (YYYY-MM-DD)"
		}
	case "checkbox":
		return []string{"true"}, ""
	case "choice", "multi_choice":
		for _, o := range out {
			if !slices.Contains(f.Options, o) {
				return nil, fmt.Sprintf("must be one of: %s", strings.Join(f.Options, ", "))
			}
		}
	default:
		if domain.TooLong(v, MaxBody) {
			return nil, "is too long"
		}
	}
	return out, ""
}

func setValues(ctx context.Context, tx *db.Tx, ticketID, fieldID int64, vals []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM ticket_values WHERE ticket_id = $1 AND field_id = $2`,
		ticketID, fieldID); err != nil {
		return err
	}
	for _, v := range vals {
		if _, err := tx.ExecContext(ctx, `INSERT INTO ticket_values (ticket_id, field_id, value) VALUES ($1, $2, $3)`,
			ticketID, fieldID, v); err != nil {
			return err
		}
	}
	return nil
}
