package portal

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// What one widget ticket may carry beyond its subject and message: the
// team's extra form fields, each kept on the ticket under its label.
const (
	widgetMaxFields     = 30
	widgetMaxLabel      = 200
	widgetMaxFieldValue = 5000
)

// widgetOpenInput is what the widget sends to open a ticket: the values
// its form fields fill, by target (docs/widget.md).
type widgetOpenInput struct {
	Identity Identity `json:"identity"`
	Email    string   `json:"email"`
	Name     string   `json:"name"`
	LastName string   `json:"last_name"`
	Phone    string   `json:"phone"`
	Subject  string   `json:"subject"`
	Message  string   `json:"message"`
	Priority string   `json:"priority"`
	Fields   []struct {
		Name  string `json:"name"` // the form field's name; the ticket keeps the label
		Label string `json:"label"`
		Value string `json:"value"`
	} `json:"fields"`
}

// ticket checks what only the widget adds; ticket.Create checks the rest.
func (in widgetOpenInput) ticket(team string) (ticket.NewTicket, error) {
	nt := ticket.NewTicket{Subject: in.Subject, Description: in.Message, Team: team, Channel: ticket.Widget,
		Contact: contact.Identity{Email: strings.TrimSpace(in.Email), FirstName: strings.TrimSpace(in.Name),
			LastName: strings.TrimSpace(in.LastName), Phone: strings.TrimSpace(in.Phone)}}
	c := &domain.Check{}
	if pr := strings.ToLower(strings.TrimSpace(in.Priority)); pr != "" {
		nt.Priority = -1
		for i, w := range form.PriorityOptions { // the words of a priority field, by level
			if strings.EqualFold(w, pr) {
				nt.Priority = i
			}
		}
		c.Require(nt.Priority >= 0, "priority", "must be Low, Medium, High or Urgent")
	}
	c.Require(len(in.Fields) <= widgetMaxFields, "fields", fmt.Sprintf("at most %d extra fields", widgetMaxFields))
	for i, f := range in.Fields {
		label, value := strings.TrimSpace(f.Label), strings.TrimSpace(f.Value)
		ok := label != "" && utf8.RuneCountInString(label) <= widgetMaxLabel && utf8.RuneCountInString(value) <= widgetMaxFieldValue
		c.Require(ok, fmt.Sprintf("fields[%d]", i), fmt.Sprintf("needs a label of at most %d characters and a value of at most %d",
			widgetMaxLabel, widgetMaxFieldValue))
		if ok && value != "" {
			nt.Fields = append(nt.Fields, ticket.Field{Label: label, Value: value})
		}
	}
	return nt, c.Err()
}
