// Package pipeline holds the ordered statuses a ticket moves through. Each
// status is open or closed; a pipeline needs at least one of each.
package pipeline

import (
	"fmt"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Kind says whether a ticket in a status still needs work.
type Kind string

// The two kinds of status.
const (
	Open   Kind = "open"
	Closed Kind = "closed"
)

// Status is one step of a pipeline.
type Status struct {
	ID         int64  `json:"id"`
	PipelineID int64  `json:"-"`
	Name       string `json:"name"`
	Kind       Kind   `json:"kind"`
	Position   int    `json:"position"`
	// Required names the properties a ticket must have a value for to
	// enter this status (see required.go); never nil.
	Required []string `json:"required"`
	// CustomerName is what customers see instead of Name; empty: Name.
	CustomerName string `json:"customer_name"`
}

// Public is the name customers see: the public page, the widget.
func (s Status) Public() string {
	if s.CustomerName != "" {
		return s.CustomerName
	}
	return s.Name
}

// Pipeline is a named, ordered list of statuses.
type Pipeline struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Position int      `json:"position"`
	Statuses []Status `json:"statuses"`
	// Teams limits the pipeline to these teams' operators; empty: every team.
	Teams     []int64   `json:"teams"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// FirstOpen is where new tickets start: the first open status.
func (p Pipeline) FirstOpen() Status {
	for _, s := range p.Statuses {
		if s.Kind == Open {
			return s
		}
	}
	return Status{}
}

// FirstClosed is where "close" moves a ticket.
func (p Pipeline) FirstClosed() Status {
	for _, s := range p.Statuses {
		if s.Kind == Closed {
			return s
		}
	}
	return Status{}
}

// Find returns the status named by ref: its id, or its name in any case.
func (p Pipeline) Find(ref string) (Status, bool) {
	for _, s := range p.Statuses {
		if fmt.Sprint(s.ID) == ref || strings.EqualFold(s.Name, ref) {
			return s, true
		}
	}
	return Status{}, false
}

// StatusByID returns the status id of this pipeline.
func (p Pipeline) StatusByID(id int64) (Status, bool) {
	for _, s := range p.Statuses {
		if s.ID == id {
			return s, true
		}
	}
	return Status{}, false
}

// ErrNotFound is returned when no pipeline matches.
var ErrNotFound = domain.NotFound("pipeline")

// StatusInput describes one status in a create or update; ID is zero for
// a new status.
type StatusInput struct {
	ID       int64
	Name     string
	Kind     Kind
	Required []string
	// CustomerName is the name customers see ("": the name); nil keeps
	// a kept status's and leaves a new one's empty.
	CustomerName *string
}

// DefaultStatuses are those of the "Support" pipeline every install starts with.
var DefaultStatuses = []StatusInput{
	{Name: "New", Kind: Open}, {Name: "In Progress", Kind: Open},
	{Name: "Waiting", Kind: Open}, {Name: "Closed", Kind: Closed},
}

func validate(name string, statuses []StatusInput) error {
	var c domain.Check
	name = strings.TrimSpace(name)
	c.Line("name", name)
	c.Require(name != "" && !domain.TooLong(name, 100), "name", "must be 1 to 100 characters")
	seen := map[string]bool{}
	var open, closed int
	for i, s := range statuses {
		field := fmt.Sprintf("statuses[%d]", i)
		n := strings.ToLower(strings.TrimSpace(s.Name))
		c.Line(field+".name", n)
		c.Require(n != "" && !domain.TooLong(n, 60), field+".name", "must be 1 to 60 characters")
		c.Require(!seen[n], field+".name", fmt.Sprintf("%q appears twice in this pipeline", s.Name))
		if s.CustomerName != nil {
			cn := strings.TrimSpace(*s.CustomerName)
			c.Line(field+".customer_name", cn)
			c.Require(!domain.TooLong(cn, 60), field+".customer_name", "must be at most 60 characters")
		}
		seen[n] = true
		switch s.Kind {
		case Open:
			open++
		case Closed:
			closed++
		default:
			c.Add(field+".kind", "must be open or closed")
		}
	}
	if open == 0 || closed == 0 {
		c.Add("statuses", "a pipeline needs at least one open and one closed status")
	}
	return c.Err()
}
