package sla_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// BenchmarkCreateTicket is ticket creation on SQLite in three installs
// side by side: without the SLA clock wired, with it wired but no policy,
// and under two policies. Every install's team counts in the same
// business-hours calendar, so the only difference is the SLA state. The
// installs take turns ticket by ticket, so a noisy machine slows each
// alike; the figures are the median time per creation of each, and what
// the policies add over no clock at all.
//
// On PostgreSQL too when FRONTDESK_TEST_POSTGRES is set.
//
//	go test ./internal/sla/ -run '^$' -bench CreateTicket -benchtime 2000x -count 3
func BenchmarkCreateTicket(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchCreate(b, testutil.NewSQLite) })
	if testutil.PostgresURL() != "" {
		b.Run("postgres", func(b *testing.B) { benchCreate(b, testutil.NewPostgres) })
	}
}

func benchCreate(b *testing.B, open func(testing.TB) *db.DB) {
	ctx := context.Background()
	modes := []string{"without-sla", "no-policy", "policies"}
	services := make([]*app.Services, len(modes))
	for i, mode := range modes {
		services[i] = benchInstall(b, ctx, mode, open(b))
	}
	took := make([][]time.Duration, len(modes))
	i := 0
	for b.Loop() {
		for m, s := range services {
			start := time.Now()
			_, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Printer on fire", Description: "It smokes since Monday.",
				Team: "support", Priority: i % 4, Contact: contact.Identity{Email: fmt.Sprintf("c%d@example.com", i%500)}})
			if err != nil {
				b.Fatal(err)
			}
			took[m] = append(took[m], time.Since(start))
		}
		i++
	}
	medians := make([]float64, len(modes))
	for m, mode := range modes {
		slices.Sort(took[m])
		medians[m] = float64(took[m][len(took[m])/2].Microseconds())
		b.ReportMetric(medians[m], mode+"-µs")
	}
	b.ReportMetric(100*(medians[2]-medians[0])/medians[0], "policies-added-%")
}

func benchInstall(b *testing.B, ctx context.Context, mode string, d *db.DB) *app.Services {
	s := testutil.Services(b, d)
	c, err := s.Calendars.Create(ctx, berlinHours("Office", [][]string{{"09:00", "12:30"}, {"13:30", "17:00"}}))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Teams.Update(ctx, 1, team.Input{CalendarID: &c.ID}); err != nil {
		b.Fatal(err)
	}
	switch mode {
	case "without-sla":
		s.Tickets.Clocks = nil
	case "policies":
		for _, in := range []sla.Input{
			{Name: "Urgent", Match: sla.Match{Priorities: []int{3}}, Targets: sla.TargetMinutes{FirstResponse: mins(60)}},
			{Name: "Everyone", WarnMinutes: 30, Targets: sla.TargetMinutes{FirstResponse: mins(480), NextResponse: mins(480), Resolution: mins(2400)}},
		} {
			if _, err := s.SLA.Create(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	}
	return s
}
