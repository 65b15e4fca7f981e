package ui

import (
	"cmp"
	"context"
	"net/url"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// fieldPrefix marks a custom field's input: "field.resolution".
const fieldPrefix = "field."

// PropInput is one input asking for a property a status requires: a
// built-in one (assignee, priority, tags) or a custom field by its type.
type PropInput struct {
	ID, Name, Label, Hint string
	Kind                  string // select, text, textarea, number, date, checkbox, checks
	Value                 string
	Options               []Option
	Error                 string
}

// MissingForm asks for the values a ticket lacks to enter a status: the
// board's dialog, and the same form on a page without script.
type MissingForm struct {
	CSRF       string
	TicketID   int64
	Number     int64
	StatusID   int64
	StatusName string
	Ask        []string // the properties asked for, kept across a resubmit
	Inputs     []PropInput
	Error      string
	Back       string // where Cancel goes without script
}

// patchValues reads the property inputs of a posted form into p; only the
// ones sent are set.
func patchValues(form url.Values, p *ticket.Patch) {
	if v, ok := formValue(form, "assignee"); ok {
		p.Assignee = &v
	}
	if v, ok := formValue(form, "priority"); ok && v != "" {
		n := strings.Index("0123", v)
		if len(v) != 1 {
			n = -1
		}
		p.Priority = &n
	}
	if v, ok := formValue(form, "tags"); ok {
		tags := splitTags(v)
		p.Tags = &tags
	}

}

func splitTags(v string) []string {
	tags := []string{}
	for _, tag := range strings.Split(v, ",") {
		if tag = strings.TrimSpace(tag); tag != "" {
			tags = append(tags, tag)
		}
	}
	return tags
}

// propInputs builds the inputs for the properties in ask (team never
// lacks a value, so it is not asked), filled with what form holds and
// showing errs by property name.
func (u *UI) propInputs(ctx context.Context, ask []string, form url.Values, errs map[string]string) ([]PropInput, error) {
	var out []PropInput
	var custom []string
	for _, name := range ask {
		switch name {
		case pipeline.Assignee:
			in, err := u.assigneeInput(ctx, form.Get("assignee"))
			if err != nil {
				return nil, err
			}
			out = append(out, in)
		case pipeline.Priority:
			out = append(out, priorityInput(form.Get("priority")))
		case pipeline.Tags:
			out = append(out, PropInput{ID: "req-tags", Name: "tags", Label: "Tags", Kind: "text",
				Hint: "Separate tags with commas.", Value: form.Get("tags")})
		case pipeline.Team:
		default:
			custom = append(custom, name)
		}
	}
	fields, err := u.s.Tickets.CustomFields(ctx, custom)
	if err != nil {
		return nil, err
	}
	for _, f := range fields {
		out = append(out, fieldInput(f, form[fieldPrefix+f.Name]))
	}
	for i := range out {
		key := strings.TrimPrefix(out[i].Name, fieldPrefix)
		if m := cmp.Or(errs[key], errs["fields."+key]); m != "" {
			out[i].Error = labelled(out[i].Label, m)
		}
	}
	return out, nil
}

func (u *UI) assigneeInput(ctx context.Context, cur string) (PropInput, error) {
	in := PropInput{ID: "req-assignee", Name: "assignee", Label: "Assignee", Kind: "select",
		Options: []Option{{Value: "", Label: "Choose an operator"}}}
	ops, err := u.s.Operators.List(ctx)
	for _, op := range ops {
		if op.Active {
			in.Options = append(in.Options, Option{Value: id64(op.ID), Label: op.Name, Selected: id64(op.ID) == cur})
		}
	}
	return in, err
}

// priorityInput offers Medium and up: Low is where every ticket starts,
// so it does not count as a priority given.
func priorityInput(cur string) PropInput {
	in := PropInput{ID: "req-priority", Name: "priority", Label: "Priority", Kind: "select",
		Options: []Option{{Value: "", Label: "Choose a priority"}}}
	for n := 1; n <= ticket.MaxPriority; n++ {
		in.Options = append(in.Options, Option{Value: id64(int64(n)), Label: strings.ToUpper(priorityNames[n][:1]) + priorityNames[n][1:], Selected: id64(int64(n)) == cur})
	}
	return in
}

func fieldInput(f ticket.CustomField, cur []string) PropInput {
	in := PropInput{ID: "req-field-" + f.Name, Name: fieldPrefix + f.Name, Label: f.Label, Hint: f.Help}
	if len(cur) > 0 {
		in.Value = cur[0]
	}
	switch f.Type {
	case "long_text":
		in.Kind = "textarea"
	case "number", "date", "checkbox":
		in.Kind = f.Type
	case "choice", "multi_choice":
		in.Kind = "select"
		if f.Type == "multi_choice" {
			in.Kind = "checks"
		} else {
			in.Options = []Option{{Value: "", Label: "Choose one"}}
		}
		for _, o := range f.Options {
			in.Options = append(in.Options, Option{Value: o, Label: o, Selected: slices.Contains(cur, o)})
		}
	default:
		in.Kind = "text"
	}
	return in
}

// labelled makes a domain message about a property read as a sentence
// that names it by its label: "Hours spent must be a number."
func labelled(label, msg string) string {
	for _, verb := range []string{"is ", "must ", "takes "} {
		if strings.HasPrefix(msg, verb) {
			return label + " " + msg + "."
		}
	}
	return sentence("", msg)
}
