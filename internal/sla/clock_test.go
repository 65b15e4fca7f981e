package sla_test

import (
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/sla"
)

// expect is one target's status as a team lead would read it; a missing
// target (nil status) is state "".
type expect struct {
	target   sla.Target
	state    sla.State
	due, met string
	paused   bool
}

// The week of Monday 2026-03-02; Friday is 2026-03-06, the next Monday
// 2026-03-09. Hours are 09:00-17:00 Monday to Friday unless said.
var clockCases = []struct {
	name   string
	events []sla.Event
	now    string
	want   []expect
}{
	{"opened Friday 16:30 with a 1 h first response is due Monday 09:30",
		[]sla.Event{created("2026-03-06 16:30", standard)}, "2026-03-07 12:00",
		[]expect{{sla.FirstResponse, sla.Running, "2026-03-09 09:30", "", false}, {target: sla.NextResponse}}},
	{"warned 15 business minutes before due",
		[]sla.Event{created("2026-03-06 16:30", standard)}, "2026-03-09 09:15",
		[]expect{{sla.FirstResponse, sla.Warning, "2026-03-09 09:30", "", false}}},
	{"breached once due has passed",
		[]sla.Event{created("2026-03-06 16:30", standard)}, "2026-03-09 09:31",
		[]expect{{sla.FirstResponse, sla.Breached, "2026-03-09 09:30", "", false}}},
	{"a lunch break and a holiday are skipped",
		[]sla.Event{created("2026-03-06 16:30", &sla.Policy{FirstResponse: 4*time.Hour + 30*time.Minute, Calendar: lunchAndHoliday})}, "2026-03-06 17:00",
		[]expect{{sla.FirstResponse, sla.Running, "2026-03-10 14:00", "", false}, {target: sla.Resolution}}},
	{"a note is not an answer",
		[]sla.Event{created("2026-03-02 09:00", standard), note("2026-03-02 09:10")}, "2026-03-02 09:20",
		[]expect{{sla.FirstResponse, sla.Running, "2026-03-02 10:00", "", false}}},
	{"the first public answer meets first response",
		[]sla.Event{created("2026-03-02 09:00", standard), answer("2026-03-02 09:40")}, "2026-03-03 09:00",
		[]expect{{sla.FirstResponse, sla.Met, "2026-03-02 10:00", "2026-03-02 09:40", false}, {target: sla.NextResponse}}},
	{"an answer at the due time is met",
		[]sla.Event{created("2026-03-02 09:00", standard), answer("2026-03-02 10:00")}, "2026-03-02 11:00",
		[]expect{{sla.FirstResponse, sla.Met, "2026-03-02 10:00", "2026-03-02 10:00", false}}},
	{"an answer after the due time is met late",
		[]sla.Event{created("2026-03-02 09:00", standard), answer("2026-03-02 10:01")}, "2026-03-02 11:00",
		[]expect{{sla.FirstResponse, sla.MetLate, "2026-03-02 10:00", "2026-03-02 10:01", false}}},
	{"first response never pauses",
		[]sla.Event{created("2026-03-02 09:00", standard), enter("2026-03-02 09:10", statusWaiting)}, "2026-03-02 09:20",
		[]expect{{sla.FirstResponse, sla.Running, "2026-03-02 10:00", "", false}, {sla.Resolution, sla.Running, "", "", true}}},
	{"a customer reply starts next response, the answer meets it",
		[]sla.Event{created("2026-03-02 09:00", standard), answer("2026-03-02 09:30"), customer("2026-03-02 11:00"),
			customer("2026-03-02 11:30"), answer("2026-03-02 12:00")}, "2026-03-02 12:10",
		[]expect{{sla.NextResponse, sla.Met, "2026-03-02 13:00", "2026-03-02 12:00", false}}},
	{"the next customer reply restarts next response with a fresh target",
		[]sla.Event{created("2026-03-02 09:00", standard), answer("2026-03-02 09:30"), customer("2026-03-02 11:00"),
			answer("2026-03-02 14:00"), customer("2026-03-02 16:00")}, "2026-03-02 16:30",
		[]expect{{sla.NextResponse, sla.Running, "2026-03-03 10:00", "", false}}},
	{"a pause over the weekend resumes with the time left",
		[]sla.Event{created("2026-03-05 09:00", &sla.Policy{Resolution: 16 * time.Hour, Calendar: nineToFive, Pause: pauses}),
			enter("2026-03-06 13:00", statusWaiting), customer("2026-03-09 10:00"), enter("2026-03-09 10:00", statusNew)},
		"2026-03-09 11:00",
		[]expect{{sla.Resolution, sla.Running, "2026-03-09 14:00", "", false}}},
	{"while paused there is no due time",
		[]sla.Event{created("2026-03-05 09:00", &sla.Policy{Resolution: 16 * time.Hour, Calendar: nineToFive, Pause: pauses}),
			enter("2026-03-06 13:00", statusWaiting)},
		"2026-03-10 11:00",
		[]expect{{sla.Resolution, sla.Running, "", "", true}}},
	{"closing meets resolution",
		[]sla.Event{created("2026-03-02 09:00", urgent), answer("2026-03-02 09:10"), enter("2026-03-02 15:00", statusClosed)}, "2026-03-05 09:00",
		[]expect{{sla.Resolution, sla.Met, "2026-03-03 17:00", "2026-03-02 15:00", false}}},
	{"a reopened ticket keeps its resolution time",
		[]sla.Event{created("2026-03-02 09:00", urgent), answer("2026-03-02 09:10"), enter("2026-03-02 15:00", statusClosed),
			customer("2026-03-04 09:00"), enter("2026-03-04 09:00", statusNew)}, "2026-03-04 09:30",
		[]expect{{sla.Resolution, sla.Running, "2026-03-05 11:00", "", false}, {sla.NextResponse, sla.Running, "2026-03-04 10:00", "", false}}},
	{"a breach stays a breach after closing and reopening",
		[]sla.Event{created("2026-03-02 09:00", &sla.Policy{Resolution: 4 * time.Hour, Calendar: nineToFive}),
			enter("2026-03-02 14:00", statusClosed), enter("2026-03-03 09:00", statusNew)}, "2026-03-03 09:05",
		[]expect{{sla.Resolution, sla.Breached, "2026-03-02 13:00", "", false}}},
	{"met late after a breach",
		[]sla.Event{created("2026-03-02 09:00", &sla.Policy{Resolution: 4 * time.Hour, Calendar: nineToFive}),
			enter("2026-03-02 14:00", statusClosed)}, "2026-03-03 09:05",
		[]expect{{sla.Resolution, sla.MetLate, "2026-03-02 13:00", "2026-03-02 14:00", false}}},
	{"a closed ticket runs no clock",
		[]sla.Event{created("2026-03-02 09:00", standard), enter("2026-03-02 09:30", statusClosed)}, "2026-03-09 09:00",
		[]expect{{sla.FirstResponse, sla.Running, "", "", true}}},
	{"priority raised on a three-day-old ticket: breached at the change",
		[]sla.Event{created("2026-03-02 09:00", standard), answer("2026-03-02 10:00"), change("2026-03-05 10:00", urgent)}, "2026-03-05 10:05",
		[]expect{{sla.FirstResponse, sla.Met, "2026-03-02 10:00", "2026-03-02 10:00", false},
			{sla.Resolution, sla.Breached, "2026-03-05 10:00", "", false}}},
	{"priority raised early: the time used is kept",
		[]sla.Event{created("2026-03-02 09:00", standard), change("2026-03-02 09:20", urgent)}, "2026-03-02 09:25",
		[]expect{{sla.FirstResponse, sla.Running, "2026-03-02 09:30", "", false},
			{sla.Resolution, sla.Running, "2026-03-03 17:00", "", false}}},
	{"a new policy that does not pause the status resumes the clock at the change",
		[]sla.Event{created("2026-03-02 09:00", urgent), answer("2026-03-02 09:10"), enter("2026-03-02 10:00", statusWaiting),
			change("2026-03-02 11:00", &sla.Policy{Resolution: 16 * time.Hour, Calendar: nineToFive})}, "2026-03-02 11:30",
		[]expect{{sla.Resolution, sla.Running, "2026-03-04 10:00", "", false}}},
	{"no policy, no clock",
		[]sla.Event{created("2026-03-02 09:00", standard), change("2026-03-02 09:20", nil)}, "2026-03-02 09:25",
		[]expect{{target: sla.FirstResponse}, {target: sla.Resolution}}},
	{"spring forward: Friday 16:30 plus 1 h is Monday 09:30 summer time",
		[]sla.Event{created("2026-03-27 16:30", standard)}, "2026-03-28 12:00",
		[]expect{{sla.FirstResponse, sla.Running, "2026-03-30 09:30", "", false}}},
	{"fall back: Friday 16:30 plus 1 h is Monday 09:30 winter time",
		[]sla.Event{created("2026-10-23 16:30", standard)}, "2026-10-24 12:00",
		[]expect{{sla.FirstResponse, sla.Running, "2026-10-26 09:30", "", false}}},
	{"around the clock, 24 h across spring forward ends at 13:00",
		[]sla.Event{created("2026-03-28 12:00", &sla.Policy{Resolution: 24 * time.Hour, Calendar: calendar.Always(berlin)})}, "2026-03-28 13:00",
		[]expect{{sla.Resolution, sla.Running, "2026-03-29 13:00", "", false}}},
}

func TestClock(t *testing.T) {
	for _, tc := range clockCases {
		t.Run(tc.name, func(t *testing.T) {
			got, _, err := sla.Compute(tc.events, at(tc.now))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				checkStatus(t, w, got.Of(w.target))
			}
		})
	}
}

func checkStatus(t *testing.T, w expect, s *sla.Status) {
	t.Helper()
	if s == nil {
		if w.state != "" {
			t.Errorf("%s: none, want %s", w.target, w.state)
		}
		return
	}
	show := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(berlin).Format("2006-01-02 15:04")
	}
	if s.State != w.state || show(s.Due) != w.due || show(s.Met) != w.met || s.Paused != w.paused {
		t.Errorf("%s: %s due %q met %q paused %v, want %s due %q met %q paused %v",
			w.target, s.State, show(s.Due), show(s.Met), s.Paused, w.state, w.due, w.met, w.paused)
	}
}

func TestNextAndWorst(t *testing.T) {
	p := &sla.Policy{FirstResponse: time.Hour, Resolution: 16 * time.Hour, Warn: 15 * time.Minute, Calendar: nineToFive}
	var c sla.Clock
	if _, err := c.Apply(created("2026-03-06 16:30", p)); err != nil {
		t.Fatal(err)
	}
	next, ok := c.Next(at("2026-03-06 16:30"))
	if want := at("2026-03-09 09:15"); !ok || !next.Equal(want) {
		t.Errorf("next change %v %v, want the warning at %v", next, ok, want)
	}
	if w := c.At(at("2026-03-06 16:30")).Worst(); w != "running" {
		t.Errorf("worst %q, want running", w)
	}
	if w := c.At(at("2026-03-09 09:31")).Worst(); w != "breached" {
		t.Errorf("worst %q after the due time, want breached", w)
	}
	next, _ = c.Next(at("2026-03-09 09:20"))
	if want := at("2026-03-09 09:30").Add(time.Microsecond); !next.Equal(want) {
		t.Errorf("next change %v, want just after the due time %v", next, want)
	}
	if c.At(next).FirstResponse.State != sla.Breached {
		t.Errorf("at the next change the first response is %s, want breached", c.At(next).FirstResponse.State)
	}
}
