package ui

import (
	"fmt"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// SLABadge is a ticket's next SLA due time as lists show it: "in 25 min"
// or "3 h overdue", with the state's colour (running neutral, warning
// amber, breached red) and the target and due time in full.
type SLABadge struct {
	Text, State, Title string
}

// slaBadge is the badge of t at now; nil when no target is due.
func slaBadge(t ticket.Ticket, now time.Time) *SLABadge {
	s := t.SLA
	if s == nil || s.DueAt == nil || t.Status.Kind != "open" {
		return nil
	}
	name := "SLA"
	for _, nt := range s.Targets() {
		if nt.Target.DueAt != nil && nt.Target.DueAt.Equal(*s.DueAt) && nt.Target.MetAt == nil {
			name = nt.Name
			break
		}
	}
	state := s.State
	if state != "warning" && state != "breached" {
		state = "running"
	}
	if !now.Before(*s.DueAt) { // the worker has not caught up yet
		state = "breached"
	}
	return &SLABadge{Text: dueText(*s.DueAt, now), State: state,
		Title: name + " due " + slaTime(*s.DueAt, s.TimeZone)}
}

// dueText says how far a due time is: "in 25 min", "in 2 h", "3 h overdue".
func dueText(due, now time.Time) string {
	d := due.Sub(now)
	switch {
	case d >= 0 && d < time.Minute:
		return "in under a minute"
	case d >= 0:
		return "in " + span(d)
	case -d < time.Minute:
		return "just overdue"
	}
	return span(-d) + " overdue"
}

func span(d time.Duration) string {
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h", int(d.Hours()))
	}
	return fmt.Sprintf("%d days", int(d.Hours()/24))
}

// slaTime is a due or met time in the zone of the business hours the
// policy counts in, named: "Mon 9 Mar 09:30 Europe/Berlin".
func slaTime(t time.Time, zone string) string {
	loc, err := calendar.Location(zone)
	if err != nil || zone == "" {
		loc, zone = time.UTC, "UTC"
	}
	return t.In(loc).Format("Mon 2 Jan 15:04") + " " + zone
}

// SLATargetRow is one target on the ticket page.
type SLATargetRow struct {
	Name, State, StateLabel, When string
}

// slaTargets lists t's targets for the ticket page.
func slaTargets(t ticket.Ticket, now time.Time) []SLATargetRow {
	if t.SLA == nil {
		return nil
	}
	var out []SLATargetRow
	for _, nt := range t.SLA.Targets() {
		tg := nt.Target
		r := SLATargetRow{Name: nt.Name, State: tg.State, StateLabel: stateLabels[tg.State]}
		switch {
		case tg.MetAt != nil:
			r.When = "met " + slaTime(*tg.MetAt, t.SLA.TimeZone)
		case tg.Paused || tg.DueAt == nil:
			r.State, r.StateLabel, r.When = "paused", "Paused", "the clock is stopped"
		default:
			r.When = dueText(*tg.DueAt, now) + " · due " + slaTime(*tg.DueAt, t.SLA.TimeZone)
			if !now.Before(*tg.DueAt) {
				r.State, r.StateLabel = "breached", stateLabels["breached"]
			}
		}
		out = append(out, r)
	}
	return out
}

var stateLabels = map[string]string{"running": "Running", "warning": "Due soon", "breached": "Overdue",
	"met": "Met", "met_late": "Met late"}
