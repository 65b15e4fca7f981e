package form

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
)

// Limits of an answer, in characters.
const (
	MaxAnswer     = 2000    // one line
	MaxLongAnswer = 100_000 // a long text
)

// Answers are what a customer typed, by field name. A checkbox is "on"
// when ticked; a file field holds the file's name when one was sent.
type Answers map[string]string

// Value is an answer kept on the ticket under its field's label.
type Value struct{ Label, Value string }

// Result is a valid submission, sorted by what it fills.
type Result struct {
	FirstName, LastName, Email, Phone string
	Subject, Description              string
	Priority                          int
	Extras                            []Value
	Files                             []string // names of the file fields shown
	// Custom are custom ticket field values by field name, typed as the
	// ticket takes them (see customValue).
	Custom map[string]any
}

// Visible reports which fields the customer sees given a: a field with
// ShowIf shows when that field is visible and answered.
func (f Form) Visible(a Answers) map[string]bool {
	vis := map[string]bool{}
	for _, fl := range f.Fields {
		vis[fl.Name] = fl.ShowIf == "" || (vis[fl.ShowIf] && strings.TrimSpace(a[fl.ShowIf]) != "")
	}
	return vis
}

// Read checks a submission against the form, one message per field name.
// Hidden fields are neither required nor kept.
func (f Form) Read(a Answers) (Result, error) {
	var r Result
	c := &domain.Check{}
	vis := f.Visible(a)
	for _, fl := range f.Fields {
		if !vis[fl.Name] {
			continue
		}
		v := strings.TrimSpace(a[fl.Name])
		if fl.Type == Textarea {
			v = strings.TrimRight(strings.ReplaceAll(a[fl.Name], "\r\n", "\n"), " \n\t")
			v = strings.TrimLeft(v, "\n")
		}
		if v == "" {
			c.Require(!fl.Required, fl.Name, requiredMessage(fl))
			if fl.Type == File {
				continue
			}
		} else if msg := checkAnswer(fl, v); msg != "" {
			c.Add(fl.Name, msg)
			continue
		}
		if name, ok := fl.Target.CustomName(); ok {
			r.fillCustom(f.Defs, name, v)
			continue
		}
		r.fill(fl, v)
	}
	if err := c.Err(); err != nil {
		return Result{}, err
	}
	r.deriveSubject()
	return r, nil
}

func requiredMessage(fl Field) string {
	switch fl.Type {
	case File:
		return "Please attach a file."
	case Select:
		return "Please choose one."
	case Checkbox:
		return "Please tick this box."
	}
	return "Please fill this in."
}

func checkAnswer(fl Field, v string) string {
	limit := MaxAnswer
	if fl.Type == Textarea {
		limit = MaxLongAnswer
	}
	if domain.TooLong(v, limit) {
		return fmt.Sprintf("Please keep this under %d characters.", limit)
	}
	if msg := domain.TextProblem(v, fl.Type == Textarea); msg != "" {
		return "This " + msg + "; please type it again."
	}
	switch fl.Type {
	case EmailIn:
		if _, ok := domain.NormalizeEmail(v); !ok {
			return "Please enter an email address like name@example.com."
		}
	case PhoneIn:
		if !contact.ValidPhone(v) {
			return "Please enter a phone number: digits, spaces and + ( ) - ."
		}
	case URL:
		if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return "Please enter a web address starting with https://."
		}
	case Select:
		if !slices.Contains(fl.Options, v) {
			return "Please choose one of the options."
		}
	}
	if fl.Target == Subject && domain.TooLong(v, 250) {
		return "Please keep the subject under 250 characters."
	}
	return ""
}

func (r *Result) fill(fl Field, v string) {
	switch fl.Target {
	case FirstName:
		r.FirstName = v
	case LastName:
		r.LastName = v
	case Email:
		r.Email = v
	case Phone:
		r.Phone = v
	case Subject:
		r.Subject = v
	case Description:
		r.Description = v
	case Priority:
		r.Priority = max(0, slices.Index(PriorityOptions, v))
	default:
		switch fl.Type {
		case File:
			r.Files = append(r.Files, fl.Name)
		case Checkbox:
			r.Extras = append(r.Extras, Value{fl.Label, yesNo(v)})
		default:
			if v != "" {
				r.Extras = append(r.Extras, Value{fl.Label, v})
			}
		}
	}
}

func yesNo(v string) string {
	if v != "" {
		return "Yes"
	}
	return "No"
}

// deriveSubject gives a form without a subject field one: the first line
// of the description, shortened, or a plain fallback.
func (r *Result) deriveSubject() {
	if r.Subject != "" {
		return
	}
	line, _, _ := strings.Cut(strings.TrimSpace(r.Description), "\n")
	line = strings.TrimSpace(line)
	if rs := []rune(line); len(rs) > 80 {
		line = strings.TrimSpace(string(rs[:79])) + "…"
	}
	if line == "" {
		line = "Message from the website form"
	}
	r.Subject = line
}

// fillCustom keeps a custom field's answer; a field deleted since the form
// was saved, or an empty answer, fills nothing.
func (r *Result) fillCustom(defs map[string]field.Def, name, v string) {
	d, ok := defs[name]
	if !ok || v == "" {
		return
	}
	if r.Custom == nil {
		r.Custom = map[string]any{}
	}
	r.Custom[name] = customValue(d, v)
}
