package ui

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/contact"
)

// NewTicketView is the form that opens a ticket on a customer's behalf,
// refilled with what was typed when the domain refuses it.
type NewTicketView struct {
	Base
	Form      NewTicketForm
	Contact   *Customer // the existing contact picked, if any
	Q         string    // the search for an existing contact
	Searched  bool
	Matches   []ContactMatch
	Teams     []Option
	Assignees []Option // "" first: only the team
	Statuses  []Option // "" first: the pipeline's first open status
	Priority  []PriorityChoice
	Errors    map[string]string // by the domain's field key: subject, contact.email, …
	Error     string            // about the whole form
}

// NewTicketForm is what the operator typed.
type NewTicketForm struct {
	ContactID                         string
	Email, FirstName, LastName, Phone string
	Team, Subject, Description        string
	Priority                          string
	Assignee, Status, Tags, Cc        string
	// Reply: the description is the operator's message to the customer,
	// mailed; otherwise it is the customer's request, written for them.
	Reply bool
}

// ContactMatch is one contact found by the search, to pick.
type ContactMatch struct {
	Name, Email, PickURL string
}

// contactSearchSize bounds the matches the form lists.
const contactSearchSize = 8

// newTicketView fills the choices around f: the teams, the stars, the
// picked contact and the matches of the search q.
func (u *UI) newTicketView(ctx context.Context, base Base, f NewTicketForm, q string) (NewTicketView, error) {
	v := NewTicketView{Base: base, Form: f, Q: strings.TrimSpace(q), Errors: map[string]string{}}
	v.Section = "new"
	if err := u.newTicketChoices(ctx, base.Operator.ID, &v); err != nil {
		return v, err
	}
	level, err := strconv.Atoi(v.Form.Priority)
	if err != nil {
		level = -1 // nothing checked: the operator sees what they sent was not a priority
	}
	if v.Form.Priority == "" {
		level = 0
	}
	v.Priority = priorityChoices(level)
	if f.ContactID != "" {
		c, err := u.pickedContact(ctx, f.ContactID)
		if err != nil {
			return v, err
		}
		cust := customerOf(c)
		v.Contact = &cust
	}
	if v.Q != "" && v.Contact == nil {
		v.Searched = true
		found, _, err := u.s.Contacts.List(ctx, contact.Filter{Q: v.Q, Limit: contactSearchSize})
		if err != nil {
			return v, err
		}
		for _, c := range found {
			v.Matches = append(v.Matches, ContactMatch{Name: c.DisplayName(), Email: c.Email,
				PickURL: "/tickets/new?" + url.Values{"contact": {id64(c.ID)}}.Encode()})
		}
	}
	return v, nil
}

// pickedContact is the contact of ?contact= or the form's contact_id; an
// unknown one is an error page, not a silent new contact.
func (u *UI) pickedContact(ctx context.Context, ref string) (contact.Contact, error) {
	id, err := strconv.ParseInt(ref, 10, 64)
	if err != nil || id <= 0 {
		return contact.Contact{}, contact.ErrNotFound
	}
	return u.s.Contacts.Get(ctx, id)
}

var newTicketFields = map[string]string{"contact.email": "The email address", "contact.first_name": "The first name",
	"contact.last_name": "The last name", "contact.phone": "The phone number", "team": "The team",
	"subject": "The subject", "description": "The description", "priority": "The priority",
	"assignee": "The assignee", "status": "The status", "tags": "The tags", "cc": "Cc", "files": "Files"}

// failNewTicket puts each domain message next to its field; one the form
// has no field for goes above the form.
func (v *NewTicketView) fail(fields map[string]string) {
	for f, m := range fields {
		f = fieldRoot(f) // tags[2], cc[0]: the one field they came from
		name, ok := newTicketFields[f]
		switch {
		case f == "contact.email" && strings.HasPrefix(m, "is required"):
			v.Errors[f] = "Enter the customer's email address, or pick an existing customer."
		case ok && (strings.HasPrefix(m, "is ") || strings.HasPrefix(m, "must ")):
			v.Errors[f] = name + " " + m + "."
		case ok:
			v.Errors[f] = sentence(f, m)
		default:
			v.Error = sentence(f, m)
		}
	}
	if v.Error == "" {
		v.Error = "The ticket was not created. Please correct the fields marked below."
	}
}
