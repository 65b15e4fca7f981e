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
	// Few: at most FewValues tickets hold Value. A list then starts from
	// those tickets; otherwise it walks its own order testing each ticket,
	// which finds a page of a common value in a few hundred probes.
	Few bool
}

// FewValues is where a value stops being rare enough to start from.
const FewValues = 1000

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
	few, err := s.few(ctx, d.ID, rows[0])
	return Match{FieldID: d.ID, Value: rows[0], Few: few}, err
}

// few counts the tickets holding value of field id, up to FewValues+1.
func (s *Service) few(ctx context.Context, id int64, value string) (bool, error) {
	var n int
	err := s.DB.Read.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM ticket_values
		WHERE field_id = $1 AND value = $2 LIMIT $3) x`, id, value, FewValues+1).Scan(&n)
	return n <= FewValues, err
}
