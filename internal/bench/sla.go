package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// slaCalendar is the bench's business hours: a lunch break until
// afternoon, Berlin.
func slaCalendar(afternoon string) calendar.Input {
	day := [][]string{{"09:00", "12:30"}, {afternoon, "17:00"}}
	return calendar.Input{Name: "Bench office", TimeZone: "Europe/Berlin",
		Hours: map[string][][]string{"mon": day, "tue": day, "wed": day, "thu": day, "fri": day}}
}

// SLASetup gives every team the bench's business hours and two policies
// (urgent tickets, everyone else), unless they exist, and returns the
// calendar's id.
func SLASetup(ctx context.Context, s *app.Services) (int64, error) {
	cals, err := s.Calendars.List(ctx)
	if err != nil {
		return 0, err
	}
	for _, c := range cals {
		if c.Name == "Bench office" {
			return c.ID, nil
		}
	}
	c, err := s.Calendars.Create(ctx, slaCalendar("13:30"))
	if err != nil {
		return 0, err
	}
	teams, err := s.Teams.List(ctx)
	if err != nil {
		return 0, err
	}
	for _, t := range teams {
		if _, err := s.Teams.Update(ctx, t.ID, team.Input{CalendarID: &c.ID}); err != nil {
			return 0, err
		}
	}
	n := func(v int) *int { return &v }
	for _, in := range []sla.Input{
		{Name: "Urgent", Match: sla.Match{Priorities: []int{3}}, WarnMinutes: 15,
			Targets: sla.TargetMinutes{FirstResponse: n(60), NextResponse: n(120), Resolution: n(960)}},
		{Name: "Everyone", WarnMinutes: 60, Targets: sla.TargetMinutes{FirstResponse: n(480), NextResponse: n(480), Resolution: n(2400)}},
	} {
		if _, err := s.SLA.Create(ctx, in); err != nil {
			return 0, err
		}
	}
	return c.ID, nil
}

// SLARecompute recomputes every open ticket, as the worker does after a
// change, and reports the rate. first: the tickets had no SLA history
// yet (the seeded ones), so it is written as well.
func SLARecompute(ctx context.Context, s *app.Services, name string) (Result, error) {
	start := time.Now()
	n, err := s.SLA.RecomputeOpen(ctx)
	if err != nil {
		return Result{}, err
	}
	took := time.Since(start)
	return Result{Name: fmt.Sprintf("%s: %d open tickets in %.1f s", name, n, took.Seconds()), N: n,
		PerSecond: float64(n) / took.Seconds(), Target: ">= 5,000 tickets/s"}, nil
}

// SLACalendarChange moves the end of the lunch break by a quarter of an
// hour every weekday (a change that moves every running due time) and
// recomputes.
func SLACalendarChange(ctx context.Context, s *app.Services, calID int64) (Result, error) {
	c, err := s.Calendars.Get(ctx, calID)
	if err != nil {
		return Result{}, err
	}
	afternoon := "13:45"
	if mon := c.Hours["mon"]; len(mon) == 2 && mon[1][0] == "13:45" {
		afternoon = "13:30"
	}
	if _, err := s.Calendars.Update(ctx, calID, slaCalendar(afternoon)); err != nil {
		return Result{}, err
	}
	return SLARecompute(ctx, s, "SLA recompute after a calendar change")
}

// SLAInbox measures the first page of open tickets sorted by SLA due
// time, soonest first: all open tickets, and one team's.
func SLAInbox(ctx context.Context, s *app.Services, g *generator, n int) ([]Result, error) {
	var out []Result
	for _, team := range []bool{false, true} {
		samples, err := timeEach(n, func(i int) error {
			f := ticket.Filter{Kind: "open", Sort: "due", Limit: 50}
			if team {
				f.Team = g.teamSlugs[i%len(g.teamSlugs)]
			}
			page, err := s.Tickets.List(ctx, f)
			if err == nil && len(page.Items) == 0 {
				err = fmt.Errorf("inbox by due time: %d rows", len(page.Items))
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		name := "inbox by SLA due time: first 50 open tickets"
		if team {
			name = "inbox by SLA due time: first 50 open tickets of a team"
		}
		out = append(out, summarize(name, "p95 <= 10 ms", samples))
	}
	return out, nil
}

// SLA sets up business hours and SLA policies (once), computes every open
// ticket's SLA state, then times a recomputation after a calendar change
// and the inbox sorted by due time. "create" run after it creates tickets
// under the policies.
func SLA(ctx context.Context, s *app.Services, g *generator, samples int) ([]Result, error) {
	cal, err := SLASetup(ctx, s)
	if err != nil {
		return nil, err
	}
	first, err := SLARecompute(ctx, s, "SLA recompute of every open ticket (the first run writes their history)")
	if err != nil {
		return nil, err
	}
	change, err := SLACalendarChange(ctx, s, cal)
	if err != nil {
		return nil, err
	}
	inbox, err := SLAInbox(ctx, s, g, samples)
	return append([]Result{first, change}, inbox...), err
}
