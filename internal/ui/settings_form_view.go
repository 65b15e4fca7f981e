package ui

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/team"
)

// FormView is the form builder of one team.
type FormView struct {
	SettingsBase
	Team      team.Team
	Published bool
	Rows      []FormRow
	Targets   []form.Choice
	Types     []form.Choice
	PublicURL string
}

// FormRow is one field of the builder with its errors by property
// ("label", "options").
type FormRow struct {
	Index  int
	Field  form.Field
	Errors map[string]string
	// Above are the fields this one may depend on (show_if).
	Above []form.Choice
	First bool
	Last  bool
}

// Num is the field's place as a person counts.
func (r FormRow) Num() int { return r.Index + 1 }

// ID names an input of this row: "label-2".
func (r FormRow) ID(prop string) string { return prop + "-" + strconv.Itoa(r.Index) }

func (u *UI) formView(r *http.Request, t team.Team, published bool, fields []form.Field, errs map[string]string) FormView {
	v := FormView{SettingsBase: u.settingsBase(r, "teams"), Team: t, Published: published,
		Targets: form.Targets, Types: form.Types, PublicURL: u.s.Tickets.BaseURL + "/support/" + t.Slug}
	if defs, err := u.s.Fields.List(r.Context()); err == nil {
		v.Targets = append(slices.Clone(form.Targets), form.CustomChoices(defs)...)
	}
	for i, f := range fields {
		row := FormRow{Index: i, Field: f, Errors: map[string]string{}, First: i == 0, Last: i == len(fields)-1}
		for _, a := range fields[:i] {
			if a.Type != form.File {
				row.Above = append(row.Above, form.Choice{Value: a.Name, Label: a.Label})
			}
		}
		prefix := fmt.Sprintf("fields[%d].", i)
		for k, msg := range errs {
			if prop, ok := strings.CutPrefix(k, prefix); ok {
				row.Errors[prop] = sentenceCase(msg)
			}
		}
		v.Rows = append(v.Rows, row)
	}
	if msg, ok := errs["fields"]; ok {
		v.Error = sentenceCase(msg) + "."
	}
	return v
}

// formFieldsFrom reads the builder's rows as typed.
func formFieldsFrom(f url.Values) []form.Field {
	n, _ := strconv.Atoi(f.Get("count"))
	n = min(max(n, 0), form.MaxFields+1)
	out := make([]form.Field, 0, n)
	for i := range n {
		get := func(prop string) string { return f.Get(prop + "-" + strconv.Itoa(i)) }
		out = append(out, form.Field{Name: get("name"), Target: form.Target(get("target")), Type: form.Type(get("type")),
			Label: get("label"), Description: get("description"), Placeholder: get("placeholder"),
			Default: get("default"), Required: get("required") != "", Options: form.ParseOptions(get("options")),
			ShowIf: get("show_if")})
	}
	return out
}

// applyOp does what the pressed button asks ("add", "up:2", "down:2",
// "remove:2"); "save" and anything else leave the fields as typed.
func applyOp(fields []form.Field, op string) []form.Field {
	verb, arg, _ := strings.Cut(op, ":")
	i, _ := strconv.Atoi(arg)
	switch verb {
	case "add":
		return append(fields, form.Field{Name: newFieldName(fields), Target: form.Extra, Type: form.Text, Label: "New field"})
	case "up":
		return form.Move(fields, i, -1)
	case "down":
		return form.Move(fields, i, 1)
	case "remove":
		return form.Remove(fields, i)
	}
	return fields
}

// newFieldName is a short random name no field of the form has.
func newFieldName(fields []form.Field) string {
	for {
		b := make([]byte, 3)
		_, _ = rand.Read(b)
		name := "f" + hex.EncodeToString(b)
		if !(form.Form{Fields: fields}).HasName(name) {
			return name
		}
	}
}

// BuilderInput is one labelled input or select of a builder row.
type BuilderInput struct {
	ID, Label, Value, Error string
	Choices                 []form.Choice
}

// In is the row's text input for prop.
func (r FormRow) In(prop, label, value string) BuilderInput {
	return BuilderInput{ID: r.ID(prop), Label: label, Value: value, Error: r.Errors[prop]}
}

// Sel is the row's select for prop.
func (r FormRow) Sel(prop, label string, choices []form.Choice, value string) BuilderInput {
	in := r.In(prop, label, value)
	in.Choices = choices
	return in
}

// Is reports whether the field's input type is t.
func (r FormRow) Is(t string) bool { return string(r.Field.Type) == t }

// MoreOpen opens the row's less used settings when they hold something
// or something there is wrong.
func (r FormRow) MoreOpen() bool {
	f := r.Field
	return f.Type == form.Select || f.Description != "" || f.Placeholder != "" || f.Default != "" ||
		r.Errors["description"] != "" || r.Errors["placeholder"] != "" || r.Errors["default"] != "" || r.Errors["options"] != ""
}
