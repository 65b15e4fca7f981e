package calendar

import (
	"fmt"
	"strings"
)

// The iCalendar reader (RFC 5545) takes the subset a holiday file uses:
// VEVENTs with DTSTART, DTEND or DURATION, SUMMARY, STATUS, yearly RRULEs,
// RDATE and EXDATE. Other components (VTIMEZONE, VALARM, VTODO) are read
// for their structure and ignored. We parse it ourselves rather than add
// github.com/emersion/go-ical: that module has no tagged release, its
// errors do not say where the file is wrong, and it needs a full RRULE
// library for the one repeat a holiday needs.

// ParseError says what is wrong with an iCalendar file and on which line.
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

func errorAt(line int, format string, args ...any) error {
	return &ParseError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// property is one unfolded content line: NAME;PARAM=VALUE:value.
type property struct {
	line   int
	name   string
	params map[string]string
	value  string
}

// unfold joins continuation lines (starting with a space or a tab) to
// the line before and numbers each result by the line it starts on.
func unfold(data []byte) []property {
	var out []property
	for i, raw := range strings.Split(string(data), "\n") {
		raw = strings.TrimSuffix(raw, "\r")
		if (strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\t")) && len(out) > 0 {
			out[len(out)-1].value += raw[1:]
			continue
		}
		if strings.TrimSpace(raw) != "" {
			out = append(out, property{line: i + 1, value: raw})
		}
	}
	return out
}

// split reads "NAME;P=V;Q=\"a:b\":value" into its parts.
func (p *property) split() error {
	raw, quoted, colon := p.value, false, -1
	for i, r := range raw {
		if r == '"' {
			quoted = !quoted
		} else if r == ':' && !quoted {
			colon = i
			break
		}
	}
	if colon < 0 {
		return errorAt(p.line, "%q has no \":\" between a name and a value", shorten(raw))
	}
	head := strings.Split(raw[:colon], ";")
	p.name, p.value, p.params = strings.ToUpper(head[0]), raw[colon+1:], map[string]string{}
	if p.name == "" {
		return errorAt(p.line, "a line starts with \":\" instead of a name")
	}
	for _, param := range head[1:] {
		k, v, ok := strings.Cut(param, "=")
		if !ok {
			return errorAt(p.line, "parameter %q has no \"=\"", param)
		}
		p.params[strings.ToUpper(k)] = strings.Trim(v, `"`)
	}
	return nil
}

func shorten(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// components reads the nesting of BEGIN and END and hands each VEVENT's
// own properties to event, with the line of its BEGIN.
func components(data []byte, event func(begin int, props []property) error) error {
	props := unfold(data)
	if len(props) == 0 || !strings.EqualFold(props[0].value, "BEGIN:VCALENDAR") {
		return errorAt(1, "an iCalendar file starts with BEGIN:VCALENDAR")
	}
	type open struct {
		name string
		line int
	}
	var stack []open
	var current []property
	for _, p := range props {
		if err := p.split(); err != nil {
			return err
		}
		switch p.name {
		case "BEGIN":
			stack = append(stack, open{strings.ToUpper(p.value), p.line})
			if strings.EqualFold(p.value, "VEVENT") {
				current = nil
			}
		case "END":
			if len(stack) == 0 {
				return errorAt(p.line, "END:%s closes nothing", p.value)
			}
			top := stack[len(stack)-1]
			if !strings.EqualFold(p.value, top.name) {
				return errorAt(p.line, "END:%s closes BEGIN:%s from line %d", p.value, top.name, top.line)
			}
			stack = stack[:len(stack)-1]
			if top.name == "VEVENT" {
				if err := event(top.line, current); err != nil {
					return err
				}
			}
		default:
			if len(stack) == 0 {
				return errorAt(p.line, "%s is outside BEGIN:VCALENDAR and END:VCALENDAR", p.name)
			}
			if stack[len(stack)-1].name == "VEVENT" {
				current = append(current, p)
			}
		}
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		return errorAt(top.line, "BEGIN:%s is never closed", top.name)
	}
	return nil
}
