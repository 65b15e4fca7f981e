package ui

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/field"
)

// FieldForm is the field form as typed: options one per line.
type FieldForm struct {
	Name, Label, Help, Type, Options, Position string
	OnCard                                     bool
	Pipelines                                  []int64
}

func fieldFormOf(d field.Def) FieldForm {
	return FieldForm{Name: d.Name, Label: d.Label, Help: d.Help, Type: string(d.Type),
		Options: strings.Join(d.Options, "\n"), Position: strconv.Itoa(d.Position), OnCard: d.OnCard,
		Pipelines: d.Pipelines}
}

func fieldFormFrom(form url.Values) FieldForm {
	f := FieldForm{Name: form.Get("name"), Label: form.Get("label"), Help: form.Get("help"), Type: form.Get("type"),
		Options: form.Get("options"), Position: strings.TrimSpace(form.Get("position")), OnCard: form.Get("on_card") == "true"}
	for _, p := range form["pipelines"] {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil {
			f.Pipelines = append(f.Pipelines, id)
		}
	}
	return f
}

// input is the form as the domain takes it; a position that is not a
// whole number comes back as the field's error.
func (f FieldForm) input() (field.Input, string) {
	in := field.Input{Name: f.Name, Label: f.Label, Help: f.Help, Type: field.Type(f.Type), OnCard: f.OnCard,
		Pipelines: f.Pipelines}
	if in.Type.HasOptions() {
		for _, line := range strings.Split(f.Options, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				in.Options = append(in.Options, line)
			}
		}
	}
	if f.Position == "" {
		return in, ""
	}
	n, err := strconv.Atoi(f.Position)
	if err != nil {
		return in, "Write the position as a whole number, such as 10."
	}
	in.Position = n
	return in, ""
}
