package sla

import (
	"time"
)

// Record is an SLA policy kept in the database. Policies are tried in
// Position order; the first whose Match selects a ticket applies to it.
type Record struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Position int    `json:"position"`
	Match    Match  `json:"match"`
	// CalendarID nil: the hours of the ticket's team (teams.calendar_id),
	// and round the clock when the team has none.
	CalendarID    *int64        `json:"calendar_id"`
	Targets       TargetMinutes `json:"targets"`
	PauseStatuses []int64       `json:"pause_statuses"`
	WarnMinutes   int           `json:"warn_minutes"`
	CreatedAt     time.Time     `json:"created_at"`
	UpdatedAt     time.Time     `json:"updated_at"`
}

// TargetMinutes are whole minutes of business time; nil is no target.
type TargetMinutes struct {
	FirstResponse *int `json:"first_response"`
	NextResponse  *int `json:"next_response"`
	Resolution    *int `json:"resolution"`
}

// Match selects tickets: every list that is not empty must hold the
// ticket's value (any of its tags, for tags). An empty Match selects
// every ticket.
type Match struct {
	Teams      []int64  `json:"teams"`
	Priorities []int    `json:"priorities"`
	Tags       []string `json:"tags"`
	Channels   []string `json:"channels"`
	Companies  []int64  `json:"companies"`
}

// Facts are what a policy's selector reads of a ticket.
type Facts struct {
	TeamID    int64
	Priority  int
	Channel   string
	Tags      []string
	CompanyID int64 // 0: the contact has no company
}

// Selects reports whether m selects a ticket with facts f.
func (m Match) Selects(f Facts) bool {
	anyTag := len(m.Tags) == 0
	for _, t := range m.Tags {
		anyTag = anyTag || contains(f.Tags, t)
	}
	return anyTag && (len(m.Teams) == 0 || contains(m.Teams, f.TeamID)) &&
		(len(m.Priorities) == 0 || contains(m.Priorities, f.Priority)) &&
		(len(m.Channels) == 0 || contains(m.Channels, f.Channel)) &&
		(len(m.Companies) == 0 || contains(m.Companies, f.CompanyID))
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Input creates or replaces a policy. PauseStatuses nil means the
// default: the statuses named "Waiting" of the pipelines concerned.
// Position 0 puts a new policy last and keeps a changed one in place.
type Input struct {
	Name          string
	Position      int
	Match         Match
	CalendarID    *int64
	Targets       TargetMinutes
	PauseStatuses []int64
	WarnMinutes   int
}

// InputOf is r as an Input, for a change that keeps the other fields.
func InputOf(r Record) Input {
	return Input{Name: r.Name, Position: r.Position, Match: r.Match, CalendarID: r.CalendarID,
		Targets: r.Targets, PauseStatuses: r.PauseStatuses, WarnMinutes: r.WarnMinutes}
}
