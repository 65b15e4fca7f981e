package calendar

import (
	"fmt"
	"slices"
	"strconv"
	"time"
)

// ranges checks the "HH:MM" pairs of one day, labelled for messages
// ("tue", "2026-12-24"), and returns them as spans sorted by start.
func (p *problems) ranges(field, label string, pairs [][2]string) []span {
	var spans []span
	for _, pair := range pairs {
		from, errFrom := clock(pair[0], false)
		to, errTo := clock(pair[1], true)
		text := pair[0] + "-" + pair[1]
		switch {
		case errFrom != nil:
			p.add(field, fmt.Sprintf("%s: %s", label, errFrom))
		case errTo != nil:
			p.add(field, fmt.Sprintf("%s: %s", label, errTo))
		case to < from:
			p.add(field, fmt.Sprintf("%s: %s ends before it starts", label, text))
		case to == from:
			p.add(field, fmt.Sprintf("%s: %s is empty", label, text))
		default:
			spans = append(spans, span{from, to})
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return a.from - b.from })
	for i := 1; i < len(spans); i++ {
		if a, b := spans[i-1], spans[i]; b.from < a.to {
			p.add(field, fmt.Sprintf("%s: %s overlaps %s", label, hhmm(a), hhmm(b)))
		}
	}
	return spans
}

// clock reads "HH:MM" as minutes after midnight; "24:00" is allowed only
// as the end of a range.
func clock(s string, end bool) (int, error) {
	bad := fmt.Errorf("%q is not a time; write HH:MM, such as 09:00", s)
	if len(s) != 5 || s[2] != ':' || !digits(s[:2]+s[3:]) {
		return 0, bad
	}
	h, errH := strconv.Atoi(s[:2])
	m, errM := strconv.Atoi(s[3:])
	switch {
	case errH != nil || errM != nil || h < 0 || m < 0 || m > 59:
		return 0, bad
	case h == 24 && m == 0 && end:
		return 24 * 60, nil
	case h == 24 && m == 0:
		return 0, fmt.Errorf("a range cannot start at 24:00; the day starts at 00:00")
	case h > 23:
		return 0, bad
	}
	return h*60 + m, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func hhmm(s span) string {
	return fmt.Sprintf("%02d:%02d-%02d:%02d", s.from/60, s.from%60, s.to/60, s.to%60)
}

// exceptions checks the dated exceptions and files them by day number.
func (p *problems) exceptions(c *Calendar, list []Exception) {
	seen := map[int]int{}
	for i, ex := range list {
		field := fmt.Sprintf("exceptions[%d]", i)
		d, err := time.Parse(time.DateOnly, ex.Date)
		if err != nil {
			p.add(field+".date", fmt.Sprintf("%q is not a date; write YYYY-MM-DD, such as 2026-12-25", ex.Date))
			continue
		}
		n := dayNumber(d.Date())
		if j, dup := seen[n]; dup {
			p.add(field+".date", fmt.Sprintf("%s is listed twice (also exceptions[%d])", ex.Date, j))
			continue
		}
		seen[n] = i
		c.exceptions[n] = p.ranges(field+".hours", ex.Date, ex.Hours)
		c.exDays = append(c.exDays, n)
	}
	slices.Sort(c.exDays)
}
