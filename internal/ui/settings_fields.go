package ui

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/pipeline"
)

// FieldsView lists the custom ticket fields.
type FieldsView struct {
	SettingsBase
	Fields []FieldRow
}

// FieldRow is one line of the list.
type FieldRow struct {
	field.Def
	TypeLabel string
	Where     string // "All pipelines" or their names
}

// typeLabels name the types as the settings pages show them.
var typeLabels = map[field.Type]string{field.Text: "Text", field.LongText: "Long text", field.Number: "Number",
	field.Date: "Date", field.Choice: "Single choice", field.MultiChoice: "Multiple choice", field.Checkbox: "Checkbox"}

func (u *UI) settingsFields(w http.ResponseWriter, r *http.Request) error {
	defs, err := u.s.Fields.List(r.Context())
	if err != nil {
		return err
	}
	pls, err := u.s.Pipelines.List(r.Context())
	if err != nil {
		return err
	}
	v := FieldsView{SettingsBase: u.settingsBase(r, "fields")}
	v.Flash = notice(r)
	for _, d := range defs {
		v.Fields = append(v.Fields, FieldRow{Def: d, TypeLabel: typeLabels[d.Type], Where: pipelineNames(d.Pipelines, pls)})
	}
	return u.render(w, r, http.StatusOK, "settings_fields", "", v)
}

func pipelineNames(ids []int64, pls []pipeline.Pipeline) string {
	if len(ids) == 0 {
		return "All pipelines"
	}
	var names []string
	for _, p := range pls {
		if slices.Contains(ids, p.ID) {
			names = append(names, p.Name)
		}
	}
	return strings.Join(names, ", ")
}

// FieldView is the create and edit page of a field.
type FieldView struct {
	SettingsBase
	ID        int64 // zero when creating
	Form      FieldForm
	Types     []Option
	Pipelines []Option
}

// Action is where the form posts.
func (v FieldView) Action() string {
	if v.ID == 0 {
		return "/settings/fields"
	}
	return "/settings/fields/" + strconv.FormatInt(v.ID, 10)
}

func (u *UI) settingsFieldNew(w http.ResponseWriter, r *http.Request) error {
	v, err := u.fieldView(r, 0, FieldForm{Type: string(field.Text)})
	if err != nil {
		return err
	}
	return u.render(w, r, http.StatusOK, "settings_field", "", v)
}

func (u *UI) settingsFieldEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := u.s.Fields.Get(r.Context(), id)
	if err != nil {
		return err
	}
	v, err := u.fieldView(r, id, fieldFormOf(d))
	if err != nil {
		return err
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_field", "", v)
}

// fieldView is the page for form f, its choices marked.
func (u *UI) fieldView(r *http.Request, id int64, f FieldForm) (FieldView, error) {
	v := FieldView{SettingsBase: u.settingsBase(r, "fields"), ID: id, Form: f}
	for _, t := range field.Types {
		v.Types = append(v.Types, Option{Value: string(t), Label: typeLabels[t], Selected: string(t) == f.Type})
	}
	pls, err := u.s.Pipelines.List(r.Context())
	for _, p := range pls {
		v.Pipelines = append(v.Pipelines, Option{Value: id64(p.ID), Label: p.Name, Selected: slices.Contains(f.Pipelines, p.ID)})
	}
	return v, err
}
