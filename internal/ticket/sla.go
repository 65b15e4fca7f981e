package ticket

import (
	"encoding/json"
	"time"
)

// SLA is a ticket's SLA state as internal/sla stored it: each target
// (nil where the policy sets none or it has not started), the state that
// matters most and the next due time.
type SLA struct {
	FirstResponse *SLATarget `json:"first_response"`
	NextResponse  *SLATarget `json:"next_response"`
	Resolution    *SLATarget `json:"resolution"`
	// State is the worst state of the targets: breached, warning,
	// running, paused or met.
	State string     `json:"state"`
	DueAt *time.Time `json:"next_due_at"`
	// TimeZone is the zone of the business hours the targets count in.
	TimeZone string `json:"time_zone"`
}

// SLATarget is one target: running, warning, breached, met or met_late;
// due_at is null while the clock is paused, met_at until met.
type SLATarget struct {
	State  string     `json:"state"`
	DueAt  *time.Time `json:"due_at"`
	MetAt  *time.Time `json:"met_at"`
	Paused bool       `json:"paused"`
}

// Targets lists the targets with their names, for pages.
func (s *SLA) Targets() []NamedTarget {
	var out []NamedTarget
	for _, t := range []NamedTarget{{"First response", s.FirstResponse}, {"Next response", s.NextResponse},
		{"Resolution", s.Resolution}} {
		if t.Target != nil {
			out = append(out, t)
		}
	}
	return out
}

// NamedTarget is a target with the name a page shows.
type NamedTarget struct {
	Name   string
	Target *SLATarget
}

// parseSLA reads the stored JSON; a ticket no policy applies to has none.
func parseSLA(text, state string, due *time.Time) *SLA {
	if text == "" {
		return nil
	}
	var s SLA
	if json.Unmarshal([]byte(text), &s) != nil {
		return nil
	}
	s.State, s.DueAt = state, due
	if due != nil {
		d := due.UTC()
		s.DueAt = &d
	}
	return &s
}
