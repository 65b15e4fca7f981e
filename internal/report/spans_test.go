package report

import (
	"fmt"
	"testing"
	"time"
)

func TestSpansOfAPeriod(t *testing.T) {
	day := func(s string) time.Time {
		d, _ := time.Parse(time.DateOnly, s)
		return d
	}
	cases := []struct{ from, to, want string }{
		// 2026-03-02 is a Monday.
		{"2026-03-02", "2026-03-08", "[{7 2026-03-02 2026-03-02}]"},
		{"2026-03-02", "2026-03-07", "[{1 2026-03-02 2026-03-07}]"},
		{"2026-03-04", "2026-03-18", "[{7 2026-03-09 2026-03-09} {1 2026-03-04 2026-03-08} {1 2026-03-16 2026-03-18}]"},
		{"2026-03-01", "2026-03-22", "[{7 2026-03-02 2026-03-16} {1 2026-03-01 2026-03-01}]"},
		{"2026-03-03", "2026-03-03", "[{1 2026-03-03 2026-03-03}]"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(spansOf(day(c.from), day(c.to))); got != c.want {
			t.Errorf("%s..%s: %s, want %s", c.from, c.to, got, c.want)
		}
	}
	if got := mondayOf("2026-03-08"); got != "2026-03-02" {
		t.Errorf("the Monday of Sunday 8 March: %s", got)
	}
}
