// Package form holds a team's website form: the ordered fields a customer
// fills in at /support/{team-slug} (and in the widget), what each one
// fills, and the rules that keep a form usable.
package form

import (
	"strings"

	"github.com/frontdesk/frontdesk/internal/field"
)

// Target is what a field's answer fills.
type Target string

// The targets. Extra keeps the answer on the ticket under the field's
// label (ticket.Field); a file field of any target is an attachment.
const (
	FirstName   Target = "contact.first_name"
	LastName    Target = "contact.last_name"
	Email       Target = "contact.email"
	Phone       Target = "contact.phone"
	Subject     Target = "ticket.subject"
	Description Target = "ticket.description"
	Priority    Target = "ticket.priority"
	Extra       Target = "extra"
)

// Targets in the order the settings page offers them, with their labels.
var Targets = []Choice{
	{string(FirstName), "Contact first name"}, {string(LastName), "Contact last name"},
	{string(Email), "Contact email"}, {string(Phone), "Contact phone"},
	{string(Subject), "Ticket subject"}, {string(Description), "Ticket description"},
	{string(Priority), "Ticket priority"}, {string(Extra), "Extra field on the ticket"},
}

// Type is the input a field shows.
type Type string

// The input types.
const (
	Text     Type = "text"
	EmailIn  Type = "email"
	PhoneIn  Type = "phone"
	URL      Type = "url"
	Textarea Type = "textarea"
	Select   Type = "select"
	Checkbox Type = "checkbox"
	File     Type = "file"
)

// Types in the order the settings page offers them, with their labels.
var Types = []Choice{
	{string(Text), "Short text"}, {string(EmailIn), "Email"}, {string(PhoneIn), "Phone"}, {string(URL), "URL"},
	{string(Textarea), "Long text"}, {string(Select), "Choice list"}, {string(Checkbox), "Checkbox"},
	{string(File), "File"},
}

// Choice is a value with the words a person reads for it.
type Choice struct{ Value, Label string }

// PriorityOptions are the choices of a ticket.priority field, by level.
var PriorityOptions = []string{"Low", "Medium", "High", "Urgent"}

// Field is one question of a form.
type Field struct {
	// Name identifies the field within its form: the HTML input name and
	// what another field's ShowIf refers to.
	Name        string   `json:"name"`
	Target      Target   `json:"target"`
	Type        Type     `json:"type"`
	Label       string   `json:"label"`
	Description string   `json:"description,omitempty"`
	Placeholder string   `json:"placeholder,omitempty"`
	Default     string   `json:"default,omitempty"`
	Required    bool     `json:"required"`
	Options     []string `json:"options,omitempty"` // for select
	// ShowIf names another field: this one is shown, required and kept
	// only when that one has a value. Empty: always shown.
	ShowIf string `json:"show_if,omitempty"`
}

// Form is a team's form.
type Form struct {
	TeamID    int64   `json:"-"`
	Published bool    `json:"published"`
	Fields    []Field `json:"fields"`
	// Custom is false while the team still has the default form.
	Custom bool `json:"-"`
	// Defs are the custom ticket fields by name, for the fields that fill
	// them (filled by Service.Get).
	Defs map[string]field.Def `json:"-"`
}

// Field returns the field called name.
func (f Form) Field(name string) (Field, bool) {
	for _, fl := range f.Fields {
		if fl.Name == name {
			return fl, true
		}
	}
	return Field{}, false
}

// Has reports whether a field fills target.
func (f Form) Has(t Target) bool {
	for _, fl := range f.Fields {
		if fl.Target == t {
			return true
		}
	}
	return false
}

// Default is the form a team starts with.
func Default() []Field {
	return []Field{
		{Name: "first_name", Target: FirstName, Type: Text, Label: "Your name"},
		{Name: "email", Target: Email, Type: EmailIn, Label: "Email", Required: true,
			Description: "We answer to this address."},
		{Name: "subject", Target: Subject, Type: Text, Label: "Subject", Required: true},
		{Name: "description", Target: Description, Type: Textarea, Label: "How can we help?", Required: true},
	}
}

// Move returns fields with the one at i moved by delta places (−1 up,
// +1 down); a move past either end leaves the order as it is.
func Move(fields []Field, i, delta int) []Field {
	j := i + delta
	out := append([]Field(nil), fields...)
	if i < 0 || i >= len(out) || j < 0 || j >= len(out) {
		return out
	}
	out[i], out[j] = out[j], out[i]
	return out
}

// Remove returns fields without the one at i. Fields shown only when the
// removed one had a value become always shown.
func Remove(fields []Field, i int) []Field {
	if i < 0 || i >= len(fields) {
		return append([]Field(nil), fields...)
	}
	gone := fields[i].Name
	out := append(append([]Field(nil), fields[:i]...), fields[i+1:]...)
	for k := range out {
		if out[k].ShowIf == gone {
			out[k].ShowIf = ""
		}
	}
	return out
}

// splitOptions reads one option per line, dropping blank lines.
func splitOptions(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// OptionsText is the options one per line, as the settings page edits them.
func (f Field) OptionsText() string { return strings.Join(f.Options, "\n") }

// ParseOptions reads options typed one per line.
func ParseOptions(s string) []string { return splitOptions(s) }

// HasName reports whether a field is called name.
func (f Form) HasName(name string) bool {
	_, ok := f.Field(name)
	return ok
}
