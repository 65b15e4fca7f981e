package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/calendar"
)

// CalendarForm is the business-hours form as typed: one text per weekday,
// such as "09:00-12:30, 13:30-17:00", and the exceptions as rows.
type CalendarForm struct {
	Name, TimeZone string
	Days           map[string]string
	Exceptions     []ExceptionRow
	New            ExceptionRow // the add row
}

// ExceptionRow is one dated exception; Hours is "" or "closed" for a day
// closed all day.
type ExceptionRow struct{ Date, Name, Hours string }

func calendarFormOf(r calendar.Record) CalendarForm {
	f := CalendarForm{Name: r.Name, TimeZone: r.TimeZone, Days: map[string]string{}}
	for _, day := range calendar.Weekdays {
		f.Days[day] = rangesText(r.Hours[day])
	}
	for _, ex := range r.Exceptions {
		f.Exceptions = append(f.Exceptions, ExceptionRow{Date: ex.Date, Name: ex.Name, Hours: rangesText(ex.Hours)})
	}
	return f
}

func calendarFormFrom(v url.Values) CalendarForm {
	f := CalendarForm{Name: v.Get("name"), TimeZone: v.Get("time_zone"), Days: map[string]string{}}
	for _, day := range calendar.Weekdays {
		f.Days[day] = strings.TrimSpace(v.Get("hours_" + day))
	}
	n, _ := strconv.Atoi(v.Get("n"))
	for i := 0; i < n && i < 2000; i++ {
		f.Exceptions = append(f.Exceptions, ExceptionRow{Date: v.Get(fmt.Sprintf("ex_date_%d", i)),
			Name: v.Get(fmt.Sprintf("ex_name_%d", i)), Hours: v.Get(fmt.Sprintf("ex_hours_%d", i))})
	}
	f.New = ExceptionRow{Date: strings.TrimSpace(v.Get("new_date")), Name: v.Get("new_name"), Hours: v.Get("new_hours")}
	return f
}

// remove takes out exception i, for its Remove button; false for Save.
func (f *CalendarForm) remove(op string) bool {
	i, err := strconv.Atoi(strings.TrimPrefix(op, "remove-"))
	if !strings.HasPrefix(op, "remove-") || err != nil || i < 0 || i >= len(f.Exceptions) {
		return false
	}
	f.Exceptions = append(f.Exceptions[:i], f.Exceptions[i+1:]...)
	return true
}

// input turns the texts into ranges. A piece that is not "from-to" is
// passed on as one time, so the calendar refuses it on its field with the
// rest; unreadable says which fields to explain in the form's words.
func (f CalendarForm) input() (in calendar.Input, unreadable map[string]bool) {
	in = calendar.Input{Name: f.Name, TimeZone: f.TimeZone, Hours: map[string][][]string{}}
	unreadable = map[string]bool{}
	for _, day := range calendar.Weekdays {
		in.Hours[day] = parseRanges(f.Days[day], "hours."+day, unreadable)
	}
	rows := f.Exceptions
	if f.New.Date != "" {
		rows = append(rows[:len(rows):len(rows)], f.New)
	}
	for i, ex := range rows {
		field := fmt.Sprintf("exceptions[%d].hours", i)
		in.Exceptions = append(in.Exceptions, calendar.ExceptionInput{Date: strings.TrimSpace(ex.Date), Name: ex.Name,
			Hours: parseRanges(ex.Hours, field, unreadable)})
	}
	return in, unreadable
}

// parseRanges reads "09:00-12:30, 13:30-17:00"; blank or "closed" is no
// range. "9:00" is read as "09:00", and an en dash as a hyphen.
func parseRanges(text, field string, unreadable map[string]bool) [][]string {
	out := [][]string{}
	text = strings.TrimSpace(text)
	if text == "" || strings.EqualFold(text, "closed") {
		return out
	}
	for _, piece := range strings.Split(text, ",") {
		piece = strings.ReplaceAll(strings.TrimSpace(piece), "–", "-")
		if piece == "" {
			continue
		}
		from, to, ok := strings.Cut(piece, "-")
		if !ok {
			unreadable[field] = true
			out = append(out, []string{piece})
			continue
		}
		out = append(out, []string{padHour(from), padHour(to)})
	}
	return out
}

func padHour(s string) string {
	s = strings.TrimSpace(s)
	if len(s) == 4 && s[1] == ':' {
		return "0" + s
	}
	return s
}

// rangesText writes ranges as the form shows them; "" is closed.
func rangesText(pairs [][2]string) string {
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = p[0] + "-" + p[1]
	}
	return strings.Join(parts, ", ")
}
