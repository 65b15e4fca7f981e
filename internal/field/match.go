package field

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Match narrows a ticket list to tickets holding Value of field FieldID,
// or, when Absent, holding none (an unticked checkbox).
type Match struct {
	FieldID int64
	Value   string
	Absent  bool
}

// ParseMatch reads a list filter written "name:value", as the inbox URL
// and the API carry it. The value is read as its field's type: a number
// or date in canonical form, an option exactly, a checkbox as true or
// false, a text as the whole trimmed value. Problems are on param.
func (s *Service) ParseMatch(ctx context.Context, param, filter string) (Match, error) {
	name, text, ok := strings.Cut(filter, ":")
	if !ok {
		return Match{}, domain.Invalid(param, "write a field filter as name:value, such as reason:Refund")
	}
	defs, err := list(ctx, s.DB.Read, `WHERE name = $1`, strings.TrimSpace(name))
	if err != nil {
		return Match{}, err
	}
	if len(defs) == 0 {
		return Match{}, domain.Invalid(param, fmt.Sprintf("no field named %q", name))
	}
	d, text := defs[0], strings.TrimSpace(text)
	var v any = text
	switch d.Type {
	case Number:
		v = json.Number(text)
	case Checkbox:
		if text != "true" && text != "false" {
			return Match{}, domain.Invalid(param, d.Name+" is a checkbox: filter by true or false")
		}
		v = text == "true"
	}
	rows, msg := d.Canon(v)
	if msg != "" {
		return Match{}, domain.Invalid(param, d.Name+" "+msg)
	}
	if len(rows) == 0 {
		return Match{FieldID: d.ID, Absent: true}, nil
	}
	return Match{FieldID: d.ID, Value: rows[0]}, nil
}
