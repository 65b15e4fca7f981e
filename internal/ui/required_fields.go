package ui

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"

	"github.com/frontdesk/frontdesk/internal/field"
)

// askedFields reads the custom fields a status asked for ("field.<name>"
// inputs of the required-properties form) as typed values for the domain,
// which checks them like any other edit of the ticket's fields. An empty
// input clears nothing that was not asked: only posted names are set.
func (u *UI) askedFields(ctx context.Context, form url.Values) (map[string]any, error) {
	lists := map[string][]string{}
	for key, vals := range form {
		if name, ok := strings.CutPrefix(key, fieldPrefix); ok {
			lists[name] = nonBlank(vals)
		}
	}
	if len(lists) == 0 {
		return nil, nil
	}
	defs, err := u.s.Fields.List(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	for name, vals := range lists {
		out[name] = typedValue(defType(defs, name), vals)
	}
	return out, nil
}

func defType(defs []field.Def, name string) field.Type {
	for _, d := range defs {
		if d.Name == name {
			return d.Type
		}
	}
	return field.Text
}

// typedValue is what the API would send for vals; nil clears the field.
func typedValue(t field.Type, vals []string) any {
	switch {
	case t == field.MultiChoice:
		list := make([]any, len(vals))
		for i, v := range vals {
			list[i] = v
		}
		return list
	case len(vals) == 0:
		return nil
	case t == field.Checkbox:
		return vals[0] == "true" || vals[0] == "on"
	case t == field.Number:
		return json.Number(vals[0])
	}
	return vals[0]
}

func nonBlank(vals []string) []string {
	out := []string{}
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
