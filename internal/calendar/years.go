package calendar

import (
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Years reads the years a holiday import covers: "2027", or "2026-2028"
// (both included). Blank means this year and the next, thisYear being the
// current year where the caller stands.
func Years(s string, thisYear int) (first, last int, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return thisYear, thisYear + 1, nil
	}
	from, to, isRange := strings.Cut(s, "-")
	if !isRange {
		to = from
	}
	first, errFirst := year(from)
	last, errLast := year(to)
	switch {
	case errFirst != nil || errLast != nil:
		return 0, 0, domain.Invalid("years", "write a year, such as 2027, or a range, such as 2026-2028")
	case last < first:
		return 0, 0, domain.Invalid("years", "the first year comes after the last")
	case last-first >= 10:
		return 0, 0, domain.Invalid("years", "import at most 10 years at once")
	}
	return first, last, nil
}

func year(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err == nil && (n < 1900 || n > 2200) {
		err = strconv.ErrRange
	}
	return n, err
}
