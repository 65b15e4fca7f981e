package calendar

import (
	"strconv"
	"strings"
	"time"
)

// readEvent reads one VEVENT's properties; begin is the line of its BEGIN.
func readEvent(begin int, props []property, loc *time.Location) (*event, error) {
	ev := &event{loc: loc, except: map[int]bool{}}
	var end *property
	var duration *property
	var rule *property
	for i := range props {
		p := &props[i]
		var err error
		switch p.name {
		case "SUMMARY":
			ev.summary = unescape(p.value)
		case "STATUS":
			ev.cancelled = strings.EqualFold(p.value, "CANCELLED")
		case "DTSTART":
			ev.start, ev.allDay, err = moment(p, loc)
		case "DTEND":
			end = p
		case "DURATION":
			duration = p
		case "RRULE":
			rule = p
		case "RDATE", "EXDATE":
			err = ev.dates(p, loc)
		}
		if err != nil {
			return nil, err
		}
	}
	if ev.start.IsZero() {
		return nil, errorAt(begin, "this event has no DTSTART")
	}
	if ev.start.Year() < 1900 { // bounds the years a COUNT makes us walk
		return nil, errorAt(begin, "this event starts before 1900")
	}
	if ev.summary == "" {
		ev.summary = "Holiday"
	}
	if err := ev.readLength(end, duration); err != nil {
		return nil, err
	}
	if rule != nil {
		r, err := parseYearly(rule, loc)
		if err != nil {
			return nil, err
		}
		ev.rule = r
	}
	return ev, nil
}

// readLength takes DTEND, or DURATION, or a day (all-day) or nothing.
func (ev *event) readLength(end, duration *property) error {
	switch {
	case end != nil:
		t, _, err := moment(end, ev.loc)
		if err != nil {
			return err
		}
		if t.Before(ev.start) {
			return errorAt(end.line, "DTEND %s is before DTSTART", end.value)
		}
		ev.length = t.Sub(ev.start)
	case duration != nil:
		d, err := parseDuration(duration.value)
		if err != nil {
			return errorAt(duration.line, "DURATION %q: %v", duration.value, err)
		}
		ev.length = d
	case ev.allDay:
		ev.length = 24 * time.Hour
	}
	if ev.length > 366*24*time.Hour {
		line := duration
		if end != nil {
			line = end
		}
		return errorAt(line.line, "this event lasts more than a year; a holiday file lists days off")
	}
	return nil
}

// dates reads an RDATE or EXDATE list ("20261225,20271225").
func (ev *event) dates(p *property, loc *time.Location) error {
	for _, v := range strings.Split(p.value, ",") {
		one := *p
		one.value = v
		t, _, err := moment(&one, loc)
		if err != nil {
			return err
		}
		if p.name == "EXDATE" {
			ev.except[dayNumber(t.Date())] = true
		} else {
			ev.extra = append(ev.extra, t)
		}
	}
	return nil
}

// moment reads a DATE ("20261225", midnight UTC: a date, not an instant)
// or a DATE-TIME: UTC ("...Z"), in its TZID, or floating (in loc).
func moment(p *property, loc *time.Location) (time.Time, bool, error) {
	v := strings.TrimSpace(p.value)
	if len(v) == 8 || strings.EqualFold(p.params["VALUE"], "DATE") {
		t, err := time.Parse("20060102", v)
		if err != nil {
			return time.Time{}, false, errorAt(p.line, "%s %q is not a date like 20261225", p.name, v)
		}
		return t, true, nil
	}
	zone := loc
	if tz, ok := p.params["TZID"]; ok {
		if z, err := time.LoadLocation(tz); err == nil {
			zone = z
		}
	}
	if strings.HasSuffix(v, "Z") {
		zone, v = time.UTC, strings.TrimSuffix(v, "Z")
	}
	t, err := time.ParseInLocation("20060102T150405", v, zone)
	if err != nil {
		return time.Time{}, false, errorAt(p.line, "%s %q is not a date and time like 20261225T090000", p.name, p.value)
	}
	return t, false, nil
}

// parseDuration reads the RFC 5545 durations a holiday uses: P1D, P2W,
// PT4H30M, P1DT12H.
func parseDuration(s string) (time.Duration, error) {
	rest, ok := strings.CutPrefix(strings.ToUpper(s), "P")
	if !ok || rest == "" {
		return 0, strconv.ErrSyntax
	}
	var d time.Duration
	units := map[byte]time.Duration{'W': 7 * 24 * time.Hour, 'D': 24 * time.Hour, 'H': time.Hour, 'M': time.Minute, 'S': time.Second}
	num := ""
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case c >= '0' && c <= '9':
			num += string(c)
		case c == 'T' && num == "":
		case units[c] != 0 && num != "":
			n, _ := strconv.Atoi(num)
			d += time.Duration(n) * units[c]
			num = ""
		default:
			return 0, strconv.ErrSyntax
		}
	}
	if num != "" {
		return 0, strconv.ErrSyntax
	}
	return d, nil
}

// unescape undoes TEXT escapes; a line break becomes a space.
func unescape(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\,`, `,`, `\;`, `;`, `\n`, " ", `\N`, " ").Replace(s)
}
