package ui

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
)

// ContactForm is the edit form's values as typed: the emails one per
// line, primary first.
type ContactForm struct {
	FirstName, LastName, Phone, ExternalID, Emails, Company, Notes string
}

func contactFormOf(c contact.Contact) ContactForm {
	cu := contactCard(c)
	return ContactForm{FirstName: c.FirstName, LastName: c.LastName, Phone: c.Phone, ExternalID: cu.ExternalID,
		Emails: strings.Join(cu.Emails, "\n"), Company: cu.Company, Notes: c.Notes}
}

func contactFormFrom(form url.Values) ContactForm {
	return ContactForm{FirstName: form.Get("first_name"), LastName: form.Get("last_name"), Phone: form.Get("phone"),
		ExternalID: strings.TrimSpace(form.Get("external_id")), Emails: form.Get("emails"),
		Company: strings.TrimSpace(form.Get("company")), Notes: form.Get("notes")}
}

// emailList is the non-blank lines of the emails field.
func (f ContactForm) emailList() []string {
	out := []string{}
	for _, line := range strings.Split(f.Emails, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// patch sets every field: the form shows them all.
func (f ContactForm) patch() contact.Patch {
	emails := f.emailList()
	return contact.Patch{FirstName: &f.FirstName, LastName: &f.LastName, Phone: &f.Phone,
		ExternalID: &f.ExternalID, Emails: &emails, Company: &f.Company, Notes: &f.Notes}
}

var contactFieldNames = map[string]string{"first_name": "The first name", "last_name": "The last name",
	"phone": "The phone number", "external_id": "The external id", "company": "The company name",
	"notes": "The notes", "email": "The email address"}

// errors turns the domain's field errors into messages under the form's
// fields: "emails[1]" goes under the emails box and names the address.
// Keys the form has no field for are returned under "".
func (f ContactForm) errors(fields map[string]string) map[string]string {
	out := map[string]string{}
	add := func(key, msg string) {
		if out[key] != "" {
			msg = out[key] + " " + msg
		}
		out[key] = msg
	}
	emails := f.emailList()
	for _, key := range slices.Sorted(maps.Keys(fields)) { // the same order every time
		msg := fields[key]
		if name, ok := contactFieldNames[key]; ok {
			field := key
			if key == "email" {
				field = "emails"
			}
			add(field, name+" "+strings.TrimSuffix(msg, ".")+".")
			continue
		}
		if i, ok := emailIndex(key); ok && i < len(emails) {
			add("emails", fmt.Sprintf("“%s” %s.", emails[i], strings.TrimSuffix(msg, ".")))
			continue
		}
		add("", sentenceCase(key+": "+msg))
	}
	return out
}

// emailIndex reads i from "emails[i]".
func emailIndex(key string) (int, bool) {
	rest, ok := strings.CutPrefix(key, "emails[")
	if !ok || !strings.HasSuffix(rest, "]") {
		return 0, false
	}
	i, err := strconv.Atoi(strings.TrimSuffix(rest, "]"))
	return i, err == nil && i >= 0
}

// FormField is one labelled text input of the edit form.
type FormField struct{ ID, Label, Value, Error string }

// Field is the edit form's input id, as typed, with its error.
func (v ContactView) Field(id string) FormField {
	f := FormField{ID: id, Error: v.Errors[id]}
	switch id {
	case "first_name":
		f.Label, f.Value = "First name", v.Form.FirstName
	case "last_name":
		f.Label, f.Value = "Last name", v.Form.LastName
	case "phone":
		f.Label, f.Value = "Phone", v.Form.Phone
	case "company":
		f.Label, f.Value = "Company", v.Form.Company
	case "external_id":
		f.Label, f.Value = "External id", v.Form.ExternalID
	}
	return f
}
