// Package ticket holds tickets, their threads of messages and their event
// history: creation with contact linking, the status rules of pipelines,
// priority ordering, full-text search and the public link token.
package ticket

import (
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
)

// Channel is the way a ticket reached the team.
type Channel string

// The channels of DESIGN.md section 5.
const (
	Email   Channel = "email"
	WebForm Channel = "web_form"
	Widget  Channel = "widget"
	Chat    Channel = "chat"
	Manual  Channel = "manual"
	API     Channel = "api"
)

var channels = map[Channel]bool{Email: true, WebForm: true, Widget: true, Chat: true, Manual: true, API: true}

// Priority runs from 0 (low) to 3 (urgent); lists put the highest first.
const MaxPriority = 3

// Limits on what a ticket holds.
const (
	MaxSubject = 250
	MaxBody    = 200_000
	MaxTags    = 20
	MaxTag     = 50
)

// StatusRef is the status as embedded in a ticket.
type StatusRef struct {
	ID   int64         `json:"id"`
	Name string        `json:"name"`
	Kind pipeline.Kind `json:"kind"`
}

// OperatorRef is the assignee or author as embedded in other objects.
type OperatorRef struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// ContactRef is the customer as embedded in a ticket.
type ContactRef struct {
	ID         int64   `json:"id"`
	Email      string  `json:"email"`
	Name       string  `json:"name"`
	FirstName  string  `json:"first_name"`
	LastName   string  `json:"last_name"`
	ExternalID *string `json:"external_id"`
}

// Ticket is one customer request and its state.
type Ticket struct {
	ID                     int64        `json:"id"`
	Number                 int64        `json:"number"`
	Subject                string       `json:"subject"`
	Description            string       `json:"description"`
	Status                 StatusRef    `json:"status"`
	PipelineID             int64        `json:"pipeline_id"`
	Priority               int          `json:"priority"`
	Team                   team.Ref     `json:"team"`
	Assignee               *OperatorRef `json:"assignee"`
	Contact                ContactRef   `json:"contact"`
	Channel                Channel      `json:"channel"`
	Tags                   []string     `json:"tags"`
	PublicToken            string       `json:"-"`
	PublicURL              string       `json:"public_url"`
	CreatedAt              time.Time    `json:"created_at"`
	UpdatedAt              time.Time    `json:"updated_at"`
	LastActivityAt         time.Time    `json:"last_activity_at"`
	FirstResponseAt        *time.Time   `json:"first_response_at"`
	ClosedAt               *time.Time   `json:"closed_at"`
	LastCustomerActivityAt *time.Time   `json:"last_customer_activity_at"`
	// Custom are the custom field values by field name, typed (see
	// field.Def.Typed); nil when the service has no CustomFields.
	Custom map[string]any `json:"fields"`
	// SLA is the state of each SLA target; nil where no policy applies.
	SLA *SLA `json:"sla"`
	// NewContact: this ticket's creation made its contact. Set by Create
	// only; the portal hands an unsigned visitor the link only then.
	NewContact bool `json:"-"`
	// CustomerLast: of the customer's messages and the public replies,
	// the latest is the customer's: the ticket waits for an answer.
	CustomerLast bool `json:"-"`
}

// IsOpen reports whether the ticket still needs work.
func (t Ticket) IsOpen() bool { return t.Status.Kind == pipeline.Open }

// ErrNotFound is returned when no ticket matches.
var ErrNotFound = domain.NotFound("ticket")
