package form

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
)

// CustomPrefix starts the target of a field that fills a custom ticket
// field: "custom.return_reason".
const CustomPrefix = "custom."

// CustomName is the custom field a target fills, if it fills one.
func (t Target) CustomName() (string, bool) {
	return strings.CutPrefix(string(t), CustomPrefix)
}

// FieldLister lists the custom ticket fields (internal/field).
type FieldLister interface {
	List(ctx context.Context) ([]field.Def, error)
}

// customTypes are the inputs that can fill each type of custom field; the
// first is the one a field gets when it names no other. A multiple choice
// is filled with one option from a choice list.
var customTypes = map[field.Type][]Type{
	field.Text: {Text}, field.LongText: {Textarea, Text}, field.Number: {Text}, field.Date: {Text},
	field.Choice: {Select}, field.MultiChoice: {Select}, field.Checkbox: {Checkbox},
}

// fitCustom matches the fields that fill custom fields to their
// definitions: the input type one of those that fit (the only one when
// there is one), a choice list's options the field's. Problems are keyed
// like Validate's.
func fitCustom(fields []Field, defs map[string]field.Def) error {
	var c domain.Check
	for i, f := range fields {
		name, ok := f.Target.CustomName()
		if !ok {
			continue
		}
		p := fmt.Sprintf("fields[%d].", i)
		d, found := defs[name]
		if !found {
			c.Add(p+"target", fmt.Sprintf("there is no ticket field named %s", name))
			continue
		}
		allowed := customTypes[d.Type]
		if len(allowed) == 1 || !slices.Contains(allowed, f.Type) {
			fields[i].Type = allowed[0]
		}
		fields[i].Options = nil
		if d.Type.HasOptions() {
			fields[i].Options = slices.Clone(d.Options)
		}
	}
	return c.Err()
}

// defsByName indexes defs by name.
func defsByName(defs []field.Def) map[string]field.Def {
	out := make(map[string]field.Def, len(defs))
	for _, d := range defs {
		out[d.Name] = d
	}
	return out
}

// customValue is an answer as the custom field takes it: a number as a
// JSON number, a ticked box true, one option of a multiple choice as a
// list; the field's own checks then run when the ticket is opened.
func customValue(d field.Def, v string) any {
	switch d.Type {
	case field.Number:
		return json.Number(v)
	case field.Checkbox:
		return v != ""
	case field.MultiChoice:
		return []any{v}
	}
	return v
}

// CustomChoices are the custom fields as targets of the settings page.
func CustomChoices(defs []field.Def) []Choice {
	out := make([]Choice, 0, len(defs))
	for _, d := range defs {
		out = append(out, Choice{CustomPrefix + d.Name, "Ticket field: " + d.Label})
	}
	return out
}
