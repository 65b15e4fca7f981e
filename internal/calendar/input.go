package calendar

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Input is a calendar as the API and the settings page send it. A range
// is read as a list of strings rather than a pair, so that a range of
// three times is refused with a message instead of losing its third (a
// JSON array decoded into [2]string drops what does not fit).
type Input struct {
	Name       string                `json:"name"`
	TimeZone   string                `json:"time_zone"`
	Hours      map[string][][]string `json:"hours"`
	Exceptions []ExceptionInput      `json:"exceptions"`
}

// ExceptionInput is one dated exception as sent.
type ExceptionInput struct {
	Date  string     `json:"date"`
	Name  string     `json:"name"`
	Hours [][]string `json:"hours"`
}

// InputOf is the Input that gives back spec under name: what an edit
// starts from.
func InputOf(name string, spec Spec) Input {
	in := Input{Name: name, TimeZone: spec.TimeZone, Hours: map[string][][]string{}}
	for day, pairs := range spec.Hours {
		in.Hours[day] = lists(pairs)
	}
	for _, ex := range spec.Exceptions {
		in.Exceptions = append(in.Exceptions, ExceptionInput{Date: ex.Date, Name: ex.Name, Hours: lists(ex.Hours)})
	}
	return in
}

func lists(pairs [][2]string) [][]string {
	out := make([][]string, len(pairs))
	for i, p := range pairs {
		out[i] = []string{p[0], p[1]}
	}
	return out
}

// check validates in as a whole, every problem on its field, and returns
// its name and the Spec to store: each weekday present (closed days as
// empty lists), exceptions sorted by date, names trimmed.
func (in Input) check() (string, Spec, error) {
	var p problems
	name := strings.TrimSpace(in.Name)
	if name == "" {
		p.add("name", "give the calendar a name, such as Office hours")
	}
	p.line("name", name, 100)
	spec := Spec{TimeZone: strings.TrimSpace(in.TimeZone), Hours: map[string][][2]string{}, Exceptions: []Exception{}}
	for day, lists := range in.Hours {
		spec.Hours[day] = p.pairs("hours."+day, day, lists)
	}
	for _, day := range Weekdays {
		if spec.Hours[day] == nil {
			spec.Hours[day] = [][2]string{}
		}
	}
	for i, ex := range in.Exceptions {
		field := fmt.Sprintf("exceptions[%d]", i)
		exName := strings.TrimSpace(ex.Name)
		p.line(field+".name", exName, 200)
		spec.Exceptions = append(spec.Exceptions, Exception{Date: strings.TrimSpace(ex.Date), Name: exName,
			Hours: p.pairs(field+".hours", ex.Date, ex.Hours)})
	}
	if _, err := build(spec, &p); err != nil {
		return "", Spec{}, err
	}
	slices.SortStableFunc(spec.Exceptions, func(a, b Exception) int { return strings.Compare(a.Date, b.Date) })
	return name, spec, nil
}

// pairs keeps the ranges that are exactly two times and reports the rest.
func (p *problems) pairs(field, label string, lists [][]string) [][2]string {
	out := [][2]string{}
	for _, l := range lists {
		if len(l) != 2 {
			text, _ := json.Marshal(l)
			p.add(field, fmt.Sprintf("%s: %s is not a range; write two times, from and to, such as [\"09:00\",\"17:00\"]", label, text))
			continue
		}
		out = append(out, [2]string{strings.TrimSpace(l[0]), strings.TrimSpace(l[1])})
	}
	return out
}

// line refuses a one-line text that is too long or holds control
// characters or invalid UTF-8.
func (p *problems) line(field, s string, max int) {
	if msg := domain.TextProblem(s, false); msg != "" {
		p.add(field, msg)
	} else if domain.TooLong(s, max) {
		p.add(field, fmt.Sprintf("must be at most %d characters", max))
	}
}
