// Package webhook tells other systems what happens to tickets: per install,
// a URL, the events it wants and a secret that signs each delivery. A
// delivery is a row written in the transaction of the change it reports
// (Enqueue), so it exists exactly when the change does; the Sender posts it
// later with retries and backoff, and never holds up the change itself.
package webhook

import (
	"slices"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// The events a webhook can want, named as rules name them (issue 14).
const (
	TicketCreated   = "ticket_created"
	TicketUpdated   = "ticket_updated"
	StatusEntered   = "status_entered"
	StatusLeft      = "status_left"
	CustomerReplied = "customer_replied"
	AnswerSent      = "answer_sent"
	NoteAdded       = "note_added"
	AssigneeChanged = "assignee_changed"
	PriorityChanged = "priority_changed"
	SLAWarning      = "sla_warning"
	SLABreached     = "sla_breached"
	SLAMet          = "sla_met"
	ChatStarted     = "chat_started"
	ChatEnded       = "chat_ended"
	// Ping is the "Send test" delivery; every webhook may receive it.
	Ping = "ping"
)

// Events lists the events in the order the settings page offers them.
var Events = []string{TicketCreated, TicketUpdated, StatusEntered, StatusLeft, CustomerReplied, AnswerSent,
	NoteAdded, AssigneeChanged, PriorityChanged, SLAWarning, SLABreached, SLAMet, ChatStarted, ChatEnded}

// Webhook is one target.
type Webhook struct {
	ID     int64    `json:"id"`
	Name   string   `json:"name"`
	URL    string   `json:"url"`
	Events []string `json:"events"`
	// CustomerFacing webhooks never receive internal notes, nor an event
	// that is only about one (note_added).
	CustomerFacing bool      `json:"customer_facing"`
	Enabled        bool      `json:"enabled"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
	// Secret is returned once, by Create and Rotate; it is never listed.
	Secret string `json:"secret,omitempty"`
	// Last is the newest delivery, for the list; nil when none yet.
	Last *Delivery `json:"last_delivery,omitempty"`
}

// Wants reports whether w should receive event.
func (w Webhook) Wants(event string) bool {
	if !w.Enabled {
		return false
	}
	if w.CustomerFacing && event == NoteAdded {
		return false
	}
	return slices.Contains(w.Events, event)
}

// Delivery statuses.
const (
	Queued  = "queued"
	Sending = "sending"
	Sent    = "sent"
	Failed  = "failed"
)

// Delivery is one event sent (or to be sent) to one webhook.
type Delivery struct {
	ID            int64      `json:"id"`
	WebhookID     int64      `json:"webhook_id"`
	Event         string     `json:"event"`
	Status        string     `json:"status"`
	Attempts      int        `json:"attempts"`
	StatusCode    int        `json:"status_code"` // of the last attempt; 0 when none answered
	Error         string     `json:"error"`       // of the last attempt
	CreatedAt     time.Time  `json:"created_at"`
	AttemptedAt   *time.Time `json:"attempted_at"`
	NextAttemptAt *time.Time `json:"next_attempt_at"` // only while queued
}

// ErrNotFound is returned for a webhook that does not exist.
var ErrNotFound = domain.NotFound("webhook")

// Service keeps the webhooks and queues their deliveries.
type Service struct {
	DB *db.DB
	// BaseURL and Listen are the install's own addresses: a webhook
	// pointing at either would call the app itself, and is refused.
	BaseURL, Listen string
	// BlockPrivate refuses private addresses at dial time (Guard).
	BlockPrivate bool
	// Wake, when set, tells the sender a delivery is waiting (Send test).
	Wake func()
}
