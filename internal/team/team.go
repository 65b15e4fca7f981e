// Package team holds teams (departments): their members, email alias,
// pipeline, assignment mode and channel switches.
package team

import (
	"regexp"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// AssignmentMode says how new tickets find an operator.
type AssignmentMode string

// The assignment modes.
const (
	Manual     AssignmentMode = "manual"
	RoundRobin AssignmentMode = "round_robin"
	FewestOpen AssignmentMode = "fewest_open"
)

// Team is a group of operators who share tickets.
type Team struct {
	ID             int64          `json:"id"`
	Name           string         `json:"name"`
	Slug           string         `json:"slug"`
	EmailAlias     string         `json:"email_alias"`
	PipelineID     int64          `json:"pipeline_id"`
	AssignmentMode AssignmentMode `json:"assignment_mode"`
	// CalendarID names the business hours its SLA targets count in; nil
	// counts round the clock.
	CalendarID *int64    `json:"calendar_id"`
	Channels   Channels  `json:"channels"`
	MemberIDs  []int64   `json:"member_ids"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Channels switches the ways customers reach the team.
type Channels struct {
	Email    bool `json:"email"`
	Form     bool `json:"web_form"`
	Widget   bool `json:"widget"`
	LiveChat bool `json:"chat"`
}

// Ref is the short form of a team embedded in other objects.
type Ref struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// Ref returns t's short form.
func (t Team) Ref() Ref { return Ref{ID: t.ID, Slug: t.Slug, Name: t.Name} }

// ErrNotFound is returned when no team matches.
var ErrNotFound = domain.NotFound("team")

var slugPattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$`)

// Slugify turns a name into a slug candidate.
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if len(s) > 50 {
		s = strings.TrimRight(s[:50], "-")
	}
	return s
}

func validModes(m AssignmentMode) bool {
	return m == Manual || m == RoundRobin || m == FewestOpen
}
