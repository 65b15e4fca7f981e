package ui

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"

	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// CustomInput is one custom field of the ticket's Fields card: a typed
// input with its label, help text and error.
type CustomInput struct {
	ID, Name, Label, Help, Error string
	Type                         field.Type
	Value                        string   // text, long text, number, date, choice
	Options                      []Option // choice (a select) and multiple choice (boxes)
	Checked                      bool     // checkbox
}

// customInputs are the inputs of the fields that apply to t's pipeline,
// filled from its values.
func customInputs(defs []field.Def, t ticket.Ticket) []CustomInput {
	var out []CustomInput
	for _, d := range defs {
		if !d.AppliesTo(t.PipelineID) {
			continue
		}
		out = append(out, customInput(d, t.Custom[d.Name]))
	}
	return out
}

// customInput fills d's input from v, a typed value (field.Def.Typed).
func customInput(d field.Def, v any) CustomInput {
	in := CustomInput{ID: "cf-" + d.Name, Name: d.Name, Label: d.Label, Help: d.Help, Type: d.Type}
	chosen := []string{}
	switch v := v.(type) {
	case bool:
		in.Checked = v
	case []string:
		chosen = v
	case string:
		in.Value, chosen = v, []string{v}
	case json.Number:
		in.Value = v.String()
	}
	if d.Type == field.Choice {
		in.Options = []Option{{Value: "", Label: "Not set", Selected: in.Value == ""}}
	}
	for _, o := range d.Options {
		in.Options = append(in.Options, Option{Value: o, Label: o, Selected: slices.Contains(chosen, o)})
	}
	return in
}

// customFromForm reads the Fields card's inputs as typed values: every
// field the card showed (listed in "cf") is set, an empty input clears.
func customFromForm(defs []field.Def, form url.Values) map[string]any {
	out := map[string]any{}
	for _, d := range defs {
		if !slices.Contains(form["cf"], d.Name) {
			continue
		}
		key := "cf-" + d.Name
		v := form.Get(key)
		switch d.Type {
		case field.Checkbox:
			out[d.Name] = v == "true"
		case field.MultiChoice:
			list := []any{}
			for _, o := range form[key] {
				list = append(list, o)
			}
			out[d.Name] = list
		case field.Number:
			out[d.Name] = nil
			if v != "" {
				out[d.Name] = json.Number(v)
			}
		default:
			out[d.Name] = v
		}
	}
	return out
}

// formTyped turns a posted value back into what customInput shows.
func formTyped(v any) any {
	switch v := v.(type) {
	case []any:
		out := make([]string, 0, len(v))
		for _, s := range v {
			out = append(out, fmt.Sprint(s))
		}
		return out
	}
	return v
}
