package sla

import (
	"fmt"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// maxMinutes is a year: a longer target is a typing mistake.
const maxMinutes = 365 * 24 * 60

// Minutes are a policy's targets as settings and the API write them: whole
// minutes of business time; nil is no target.
type Minutes struct {
	FirstResponse *int `json:"first_response"`
	NextResponse  *int `json:"next_response"`
	Resolution    *int `json:"resolution"`
	Warn          int  `json:"warn_minutes"`
}

// NewPolicy checks the minutes and builds the policy on cal, pausing in
// the statuses of pause. Each problem is reported on its field
// ("targets.resolution", "warn_minutes", "calendar_id").
func NewPolicy(m Minutes, cal *calendar.Calendar, pause map[int64]bool) (*Policy, error) {
	var check domain.Check
	target := func(field string, v *int) time.Duration {
		if v == nil {
			return 0
		}
		check.Require(*v >= 1 && *v <= maxMinutes, "targets."+field,
			fmt.Sprintf("%d minutes: a target is from 1 minute to a year (%d minutes); leave it empty for none", *v, maxMinutes))
		return time.Duration(*v) * time.Minute
	}
	p := &Policy{
		FirstResponse: target("first_response", m.FirstResponse),
		NextResponse:  target("next_response", m.NextResponse),
		Resolution:    target("resolution", m.Resolution),
		Warn:          time.Duration(m.Warn) * time.Minute,
		Calendar:      cal,
		Pause:         pause,
	}
	check.Require(m.FirstResponse != nil || m.NextResponse != nil || m.Resolution != nil, "targets", "set at least one target")
	check.Require(m.Warn >= 0 && m.Warn <= maxMinutes, "warn_minutes", "a warning comes from 0 minutes to a year before the due time")
	check.Require(cal != nil, "calendar_id", "choose the calendar whose hours count")
	if err := check.Err(); err != nil {
		return nil, err
	}
	return p, nil
}
