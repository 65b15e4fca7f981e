package calendar

import (
	"fmt"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// New checks spec and builds its Calendar. Every problem is reported, each
// on its field ("time_zone", "hours.tue", "exceptions[2].date"), in words a
// person understands: "tue: 13:00-12:00 ends before it starts".
func New(spec Spec) (*Calendar, error) {
	return build(spec, &problems{})
}

// build checks spec after the problems p already holds (those of the
// input that carried it) and reports them all together.
func build(spec Spec, p *problems) (*Calendar, error) {
	c := &Calendar{exceptions: map[int][]span{}}
	c.loc = p.zone(spec.TimeZone)
	for key := range spec.Hours {
		if dayIndex(key) < 0 {
			p.add("hours."+key, fmt.Sprintf("%q is not a day; use %s", key, strings.Join(Weekdays, ", ")))
		}
	}
	for i, day := range Weekdays {
		spans := p.ranges("hours."+day, day, spec.Hours[day])
		c.week[(i+1)%7] = spans
		c.weekly += total(spans)
	}
	if c.weekly == 0 && p.ok("hours") {
		p.add("hours", "no day has open hours; a calendar must be open some time each week")
	}
	p.exceptions(c, spec.Exceptions)
	if err := p.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// Always is the calendar that never closes, for targets in plain time.
func Always(loc *time.Location) *Calendar {
	c := &Calendar{loc: loc, exceptions: map[int][]span{}}
	for i := range c.week {
		c.week[i] = []span{{0, 24 * 60}}
		c.weekly += 24 * time.Hour
	}
	return c
}

func dayIndex(key string) int {
	for i, d := range Weekdays {
		if d == key {
			return i
		}
	}
	return -1
}

func total(spans []span) time.Duration {
	var d time.Duration
	for _, s := range spans {
		d += time.Duration(s.to-s.from) * time.Minute
	}
	return d
}

// problems gathers every message of every field; a field with several
// problems lists them all, separated by "; ".
type problems struct{ fields map[string][]string }

func (p *problems) add(field, msg string) {
	if p.fields == nil {
		p.fields = map[string][]string{}
	}
	p.fields[field] = append(p.fields[field], msg)
}

func (p *problems) ok(prefix string) bool {
	for f := range p.fields {
		if strings.HasPrefix(f, prefix) {
			return false
		}
	}
	return true
}

func (p *problems) err() error {
	if len(p.fields) == 0 {
		return nil
	}
	ve := &domain.ValidationError{Fields: map[string]string{}}
	for f, msgs := range p.fields {
		ve.Fields[f] = strings.Join(msgs, "; ")
	}
	return ve
}

func (p *problems) zone(name string) *time.Location {
	if strings.TrimSpace(name) == "" {
		p.add("time_zone", "choose a time zone, such as Europe/Berlin")
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "Local" {
		p.add("time_zone", fmt.Sprintf("%q is not a known time zone; use a name such as Europe/Berlin", name))
		return nil
	}
	return loc
}
