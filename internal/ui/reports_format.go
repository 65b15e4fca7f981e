package ui

import (
	"fmt"
	"strconv"
	"time"
)

// shortDay writes "2026-03-30" as "Mon 30 Mar".
func shortDay(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("Mon 2 Jan")
}

// axisDay writes "2026-03-30" as "30 Mar", short enough for seven to a
// phone-wide chart.
func axisDay(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("2 Jan")
}

// duration writes seconds as people read them: "45 s", "12 min",
// "3 h 20 min", "2 d 4 h"; "–" for nothing measured.
func duration(s *int64) string {
	if s == nil {
		return "–"
	}
	d := *s
	switch {
	case d < 60:
		return fmt.Sprintf("%d s", d)
	case d < 3600:
		return fmt.Sprintf("%d min", (d+30)/60)
	case d < 86400:
		return joinUnits(d/3600, "h", (d%3600+30)/60, "min")
	}
	return joinUnits(d/86400, "d", (d%86400+1800)/3600, "h")
}

func joinUnits(a int64, ua string, b int64, ub string) string {
	if b == 0 {
		return fmt.Sprintf("%d %s", a, ua)
	}
	return fmt.Sprintf("%d %s %d %s", a, ua, b, ub)
}

func percent(p *float64) string {
	if p == nil {
		return "–"
	}
	return strconv.FormatFloat(*p, 'f', -1, 64) + " %"
}

// timeUnit picks minutes or hours for a duration axis whose largest
// value is maxS seconds.
func timeUnit(maxS float64) (seconds float64, name string) {
	if maxS < 2*3600 {
		return 60, "min"
	}
	return 3600, "h"
}
