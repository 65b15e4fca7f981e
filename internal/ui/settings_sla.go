package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/sla"
)

// SLAPoliciesView lists the SLA policies in the order they are tried.
type SLAPoliciesView struct {
	SettingsBase
	Policies []SLAPolicyRow
}

// SLAPolicyRow is one line of the list.
type SLAPolicyRow struct {
	sla.Record
	Selects, Targets, Hours string
	First, Last             bool
}

func (u *UI) settingsSLA(w http.ResponseWriter, r *http.Request) error {
	all, err := u.s.SLA.List(r.Context())
	if err != nil {
		return err
	}
	names, err := u.slaNames(r)
	if err != nil {
		return err
	}
	v := SLAPoliciesView{SettingsBase: u.settingsBase(r, "sla")}
	v.Flash = notice(r)
	for i, p := range all {
		v.Policies = append(v.Policies, SLAPolicyRow{Record: p, Selects: names.selects(p.Match),
			Targets: targetsText(p.Targets, p.WarnMinutes), Hours: names.hours(p.CalendarID), First: i == 0, Last: i == len(all)-1})
	}
	return u.render(w, r, http.StatusOK, "settings_sla", "", v)
}

// settingsSLAMove moves a policy one place up or down.
func (u *UI) settingsSLAMove(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := u.s.SLA.Get(r.Context(), id)
	if err != nil {
		return err
	}
	pos := p.Position + 1
	if r.PostForm.Get("dir") == "up" {
		pos = p.Position - 1
	}
	if err := u.s.SLA.Move(r.Context(), id, pos); err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/sla?done=sla-moved", http.StatusSeeOther)
	return nil
}

// slaNames names the teams and calendars policies refer to.
type slaNames struct {
	teams, calendars map[int64]string
}

func (u *UI) slaNames(r *http.Request) (slaNames, error) {
	n := slaNames{teams: map[int64]string{}, calendars: map[int64]string{}}
	teams, err := u.s.Teams.List(r.Context())
	if err != nil {
		return n, err
	}
	for _, t := range teams {
		n.teams[t.ID] = t.Name
	}
	cals, err := u.s.Calendars.List(r.Context())
	for _, c := range cals {
		n.calendars[c.ID] = c.Name
	}
	return n, err
}

// selects says in words which tickets a selector takes.
func (n slaNames) selects(m sla.Match) string {
	var parts []string
	if len(m.Teams) > 0 {
		names := make([]string, len(m.Teams))
		for i, id := range m.Teams {
			names[i] = n.teams[id]
		}
		parts = append(parts, "team "+strings.Join(names, " or "))
	}
	if len(m.Priorities) > 0 {
		names := make([]string, len(m.Priorities))
		for i, p := range m.Priorities {
			names[i] = slaPriority[p]
		}
		parts = append(parts, strings.Join(names, " or ")+" priority")
	}
	if len(m.Tags) > 0 {
		parts = append(parts, "tagged "+strings.Join(m.Tags, " or "))
	}
	if len(m.Channels) > 0 {
		parts = append(parts, "by "+strings.Join(m.Channels, " or "))
	}
	if len(m.Companies) > 0 {
		parts = append(parts, fmt.Sprintf("%d companies", len(m.Companies)))
	}
	if len(parts) == 0 {
		return "Every ticket"
	}
	return sentenceCase(strings.Join(parts, ", "))
}

var slaPriority = priorityNames

func (n slaNames) hours(cal *int64) string {
	if cal == nil {
		return "The team's hours"
	}
	return n.calendars[*cal]
}

// targetsText is "first response 1 h · resolution 2 d 4 h · warn 15 min".
func targetsText(t sla.TargetMinutes, warn int) string {
	var parts []string
	for _, p := range []struct {
		name string
		v    *int
	}{{"First response", t.FirstResponse}, {"Next response", t.NextResponse}, {"Resolution", t.Resolution}} {
		if p.v != nil {
			parts = append(parts, p.name+" "+minutesText(*p.v))
		}
	}
	if warn > 0 {
		parts = append(parts, "warn "+minutesText(warn)+" before")
	}
	return strings.Join(parts, " · ")
}

// minutesText writes business minutes as a person reads them: "1 h 30 min".
func minutesText(m int) string {
	h, min := m/60, m%60
	switch {
	case h == 0:
		return strconv.Itoa(min) + " min"
	case min == 0:
		return strconv.Itoa(h) + " h"
	}
	return fmt.Sprintf("%d h %d min", h, min)
}
