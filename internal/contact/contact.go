// Package contact is Frontdesk's CRM: the customers who open tickets and
// the companies they belong to. Intake links a ticket to its contact by
// external id first, then by email, else creates the contact.
package contact

import (
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Contact is a customer.
type Contact struct {
	ID         int64       `json:"id"`
	FirstName  string      `json:"first_name"`
	LastName   string      `json:"last_name"`
	Name       string      `json:"name"`
	Email      string      `json:"email"`
	Emails     []string    `json:"emails"`
	Phone      string      `json:"phone"`
	ExternalID *string     `json:"external_id"`
	Company    *CompanyRef `json:"company"`
	Notes      string      `json:"notes"`
	MergedInto *int64      `json:"merged_into,omitempty"`
	// Bounces are the addresses mail comes back from (read with one contact, not in lists).
	Bounces   []Bounce  `json:"bounces,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// CompanyRef is the short form of a company inside a contact.
type CompanyRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// DisplayName is the name to show, falling back to the address.
func (c Contact) DisplayName() string {
	if n := strings.TrimSpace(c.FirstName + " " + c.LastName); n != "" {
		return n
	}
	return c.Email
}

// ErrNotFound is returned when no contact matches.
var ErrNotFound = domain.NotFound("contact")

// Identity is what a channel knows about the customer behind a ticket.
type Identity struct {
	Email      string
	FirstName  string
	LastName   string
	Phone      string
	ExternalID string
}

// validate normalises the identity and reports bad fields under their own names.
func (in *Identity) validate() error {
	var c domain.Check
	in.ExternalID = strings.TrimSpace(in.ExternalID)
	in.FirstName = strings.TrimSpace(in.FirstName)
	in.LastName = strings.TrimSpace(in.LastName)
	in.Phone = strings.TrimSpace(in.Phone)
	if in.Email != "" {
		email, ok := domain.NormalizeEmail(in.Email)
		c.Require(ok, "email", "must be a valid email address")
		in.Email = email
	}
	c.Require(in.Email != "" || in.ExternalID != "", "email", "is required when there is no external_id")
	c.Require(!domain.TooLong(in.ExternalID, 200), "external_id", "must be at most 200 characters")
	c.Require(!domain.TooLong(in.FirstName, 100), "first_name", "must be at most 100 characters")
	c.Require(!domain.TooLong(in.LastName, 100), "last_name", "must be at most 100 characters")
	c.Require(validPhone(in.Phone), "phone", "must be a phone number: digits, spaces and + ( ) - .")
	for field, v := range map[string]string{"email": in.Email, "external_id": in.ExternalID,
		"first_name": in.FirstName, "last_name": in.LastName} {
		c.Line(field, v)
	}
	return c.Err()
}

func validPhone(p string) bool {
	if len(p) > 40 {
		return false
	}
	for _, r := range p {
		if !strings.ContainsRune("0123456789+()-. /x", r) {
			return false
		}
	}
	return true
}

func emailDomain(email string) string {
	return email[strings.LastIndexByte(email, '@')+1:]
}
