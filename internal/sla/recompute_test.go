package sla_test

import (
	"slices"
	"testing"

	"github.com/frontdesk/frontdesk/internal/sla"
)

func TestPolicyChangeLines(t *testing.T) {
	cases := []struct {
		name   string
		events []sla.Event
		want   []string
	}{
		{"raised on a three-day-old ticket: met first response kept, resolution breached at the change",
			[]sla.Event{created("2026-03-02 09:00", standard), answer("2026-03-02 10:00"), change("2026-03-05 10:00", urgent)},
			[]string{"SLA recomputed: resolution due Fri 6 Mar 17:00, now Thu 5 Mar 10:00 (breached at the change)"}},
		{"raised early: both open targets move earlier",
			[]sla.Event{created("2026-03-02 09:00", standard), change("2026-03-02 09:20", urgent)},
			[]string{"SLA recomputed: first response due Mon 2 Mar 10:00, now Mon 2 Mar 09:30",
				"SLA recomputed: resolution due Fri 6 Mar 17:00, now Tue 3 Mar 17:00"}},
		{"lowered while paused: only the running first response moves",
			[]sla.Event{created("2026-03-02 09:00", urgent), enter("2026-03-02 09:10", statusWaiting), change("2026-03-02 09:20", standard)},
			[]string{"SLA recomputed: first response due Mon 2 Mar 09:30, now Mon 2 Mar 10:00"}},
		{"no policy any more",
			[]sla.Event{created("2026-03-02 09:00", urgent), answer("2026-03-02 09:10"), change("2026-03-02 09:20", nil)},
			[]string{"SLA recomputed: resolution due Tue 3 Mar 17:00, now none"}},
		{"the same targets again: nothing to record",
			[]sla.Event{created("2026-03-02 09:00", standard), change("2026-03-02 09:20", standard)}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, changes, err := sla.Compute(tc.events, tc.events[len(tc.events)-1].At)
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, c := range changes {
				lines = append(lines, c.Line(berlin))
			}
			if !slices.Equal(lines, tc.want) {
				t.Errorf("lines\n%q\nwant\n%q", lines, tc.want)
			}
		})
	}
}

func TestBadHistory(t *testing.T) {
	for name, events := range map[string][]sla.Event{
		"out of order":         {created("2026-03-02 09:00", standard), answer("2026-03-02 10:00"), customer("2026-03-02 09:30")},
		"nothing before birth": {answer("2026-03-02 10:00")},
		"created twice":        {created("2026-03-02 09:00", standard), created("2026-03-02 09:05", standard)},
		"an unknown kind":      {created("2026-03-02 09:00", standard), {At: at("2026-03-02 09:05"), Kind: 42}},
	} {
		if _, _, err := sla.Compute(events, at("2026-03-03 09:00")); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
