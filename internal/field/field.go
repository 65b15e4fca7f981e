// Package field holds custom ticket fields: their definitions (a typed
// name, label and help text, for every pipeline or some) and the values
// tickets hold, stored in canonical text (see migration 0020).
package field

import (
	"slices"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Type is what a field holds.
type Type string

// The types of a field.
const (
	Text        Type = "text"
	LongText    Type = "long_text"
	Number      Type = "number"
	Date        Type = "date"
	Choice      Type = "choice"
	MultiChoice Type = "multi_choice"
	Checkbox    Type = "checkbox"
)

// Types lists every type, in the order a form offers them.
var Types = []Type{Text, LongText, Number, Date, Choice, MultiChoice, Checkbox}

// HasOptions reports whether the type chooses among options.
func (t Type) HasOptions() bool { return t == Choice || t == MultiChoice }

// Def is a field as defined by an admin. Name is its key in the API and
// in required-property lists and never changes; Label is what people read.
type Def struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Label    string   `json:"label"`
	Help     string   `json:"help"`
	Type     Type     `json:"type"`
	Options  []string `json:"options"`
	OnCard   bool     `json:"on_card"`
	Position int      `json:"position"`
	// Pipelines the field applies to; empty means every pipeline.
	Pipelines []int64   `json:"pipelines"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// AppliesTo reports whether tickets of pipeline id have this field.
func (d Def) AppliesTo(pipelineID int64) bool {
	return len(d.Pipelines) == 0 || slices.Contains(d.Pipelines, pipelineID)
}

// ErrNotFound is returned when no field matches.
var ErrNotFound = domain.NotFound("field")

// Limits on definitions and values.
const (
	MaxName    = 40
	MaxLabel   = 100
	MaxHelp    = 500
	MaxOptions = 100
	MaxOption  = 100
	MaxText    = 500
	MaxLong    = 10_000
	MaxNumber  = 40 // characters of a number as written
)

// reserved are the names of a ticket's own properties: a field with one of
// them would be ambiguous in filters, required-property lists and the API.
var reserved = map[string]bool{"id": true, "number": true, "subject": true, "description": true,
	"status": true, "pipeline": true, "pipeline_id": true, "priority": true, "team": true,
	"assignee": true, "contact": true, "channel": true, "tags": true, "tag": true, "fields": true,
	"public_url": true, "created_at": true, "updated_at": true, "closed_at": true, "kind": true,
	"q": true, "cursor": true, "limit": true, "sla": true, "columns": true, "view": true}
