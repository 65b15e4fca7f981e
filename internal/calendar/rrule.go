package calendar

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// yearly is the subset of RRULE a holiday needs: FREQ=YEARLY with
// INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY and BYDAY ("4TH", "-1MO").
type yearly struct {
	interval, count int
	until           time.Time
	months          []time.Month
	monthDays       []int
	days            []weekdayRule
}

type weekdayRule struct {
	nth int // 0: every such weekday of the month; -1: the last
	day time.Weekday
}

var icalDays = map[string]time.Weekday{"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday,
	"WE": time.Wednesday, "TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday}

func parseYearly(p *property, loc *time.Location) (*yearly, error) {
	r := &yearly{interval: 1}
	for _, part := range strings.Split(p.value, ";") {
		key, value, _ := strings.Cut(strings.ToUpper(part), "=")
		if err := r.set(p, key, value, loc); err != nil {
			return nil, err
		}
	}
	if len(r.days) > 0 && len(r.months) == 0 {
		return nil, errorAt(p.line, "RRULE: BYDAY in a yearly repeat needs BYMONTH")
	}
	return r, nil
}

func (r *yearly) set(p *property, key, value string, loc *time.Location) error {
	bad := errorAt(p.line, "RRULE: %s=%s is not understood", key, value)
	var err error
	switch key {
	case "FREQ":
		if value != "YEARLY" {
			return errorAt(p.line, "RRULE: only yearly repeats are read (FREQ=YEARLY), not FREQ=%s", value)
		}
	case "INTERVAL":
		r.interval, err = strconv.Atoi(value)
		err = positive(err, r.interval)
	case "COUNT":
		r.count, err = strconv.Atoi(value)
		err = positive(err, r.count)
	case "UNTIL":
		r.until, _, err = moment(&property{line: p.line, name: "UNTIL", value: value, params: map[string]string{}}, loc)
	case "BYMONTH":
		err = each(value, func(n int) bool { r.months = append(r.months, time.Month(n)); return n >= 1 && n <= 12 })
	case "BYMONTHDAY":
		err = each(value, func(n int) bool { r.monthDays = append(r.monthDays, n); return n != 0 && n >= -31 && n <= 31 })
	case "BYDAY":
		err = r.setDays(value)
	case "WKST":
	default:
		return errorAt(p.line, "RRULE: %s is not read; a holiday repeats with BYMONTH, BYMONTHDAY or BYDAY", key)
	}
	if err != nil {
		return bad
	}
	return nil
}

func (r *yearly) setDays(value string) error {
	for _, d := range strings.Split(value, ",") {
		day, ok := icalDays[d[max(len(d)-2, 0):]]
		nth := 0
		if prefix := d[:max(len(d)-2, 0)]; prefix != "" {
			n, err := strconv.Atoi(prefix)
			if err != nil || n == 0 || n < -5 || n > 5 {
				return strconv.ErrSyntax
			}
			nth = n
		}
		if !ok {
			return strconv.ErrSyntax
		}
		r.days = append(r.days, weekdayRule{nth, day})
	}
	return nil
}

func positive(err error, n int) error {
	if err == nil && n < 1 {
		return strconv.ErrRange
	}
	return err
}

func each(list string, add func(int) bool) error {
	for _, s := range strings.Split(list, ",") {
		n, err := strconv.Atoi(s)
		if err != nil || !add(n) {
			return strconv.ErrSyntax
		}
	}
	return nil
}

// occurrences are the repeats after start in the years first to last, at
// start's time of day in start's zone; start itself is not among them.
func (r *yearly) occurrences(start time.Time, first, last int) []time.Time {
	var out []time.Time
	seen := 1 // start is the first occurrence
	y := start.Year()
	if r.count == 0 && y < first-1 { // nothing to count: skip to the years asked
		y += (first - 1 - y) / r.interval * r.interval
	}
	for ; y <= last; y += r.interval {
		for _, date := range r.dates(y, start) {
			t := time.Date(y, date.month, date.day, start.Hour(), start.Minute(), start.Second(), 0, start.Location())
			if !t.After(start) {
				continue
			}
			if (r.count > 0 && seen >= r.count) || (!r.until.IsZero() && t.After(r.until)) {
				return out
			}
			seen++
			out = append(out, t)
		}
	}
	return out
}

type monthDay struct {
	month time.Month
	day   int
}

// dates are the rule's dates in year y, in order.
func (r *yearly) dates(y int, start time.Time) []monthDay {
	months := r.months
	if len(months) == 0 {
		months = []time.Month{start.Month()}
	}
	var out []monthDay
	for _, m := range months {
		size := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
		for d := 1; d <= size; d++ {
			if r.matches(y, m, d, size, start) {
				out = append(out, monthDay{m, d})
			}
		}
	}
	slices.SortFunc(out, func(a, b monthDay) int { return int(a.month)*32 + a.day - int(b.month)*32 - b.day })
	return out
}

// matches says whether day d of month m (of size days) is one of the rule's.
func (r *yearly) matches(y int, m time.Month, d, size int, start time.Time) bool {
	dayOK := len(r.monthDays) == 0 && len(r.days) > 0 || len(r.monthDays) == 0 && d == start.Day()
	for _, md := range r.monthDays {
		dayOK = dayOK || md == d || size+md+1 == d
	}
	if len(r.days) == 0 {
		return dayOK
	}
	wd := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Weekday()
	for _, rule := range r.days {
		nth, fromEnd := (d-1)/7+1, -((size-d)/7 + 1)
		if rule.day == wd && (rule.nth == 0 || rule.nth == nth || rule.nth == fromEnd) {
			return dayOK
		}
	}
	return false
}
