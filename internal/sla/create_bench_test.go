package sla_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// BenchmarkCreateTicket is ticket creation on SQLite without the SLA
// clock wired, with it wired but no policy, and under two policies with
// business hours: what an SLA state adds to creation.
//
//	go test ./internal/sla/ -run '^$' -bench CreateTicket -benchtime 3000x -count 3
func BenchmarkCreateTicket(b *testing.B) {
	for _, mode := range []string{"without-sla", "no-policy", "policies"} {
		b.Run(mode, func(b *testing.B) {
			ctx := context.Background()
			s := testutil.Services(b, testutil.NewSQLite(b))
			switch mode {
			case "without-sla":
				s.Tickets.Clocks = nil
			case "policies":
				c, err := s.Calendars.Create(ctx, berlinHours("Office", [][]string{{"09:00", "12:30"}, {"13:30", "17:00"}}))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Teams.Update(ctx, 1, team.Input{CalendarID: &c.ID}); err != nil {
					b.Fatal(err)
				}
				for _, in := range []sla.Input{
					{Name: "Urgent", Match: sla.Match{Priorities: []int{3}}, Targets: sla.TargetMinutes{FirstResponse: mins(60)}},
					{Name: "Everyone", WarnMinutes: 30, Targets: sla.TargetMinutes{FirstResponse: mins(480), NextResponse: mins(480), Resolution: mins(2400)}},
				} {
					if _, err := s.SLA.Create(ctx, in); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ResetTimer()
			for i := range b.N {
				_, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Printer on fire", Description: "It smokes since Monday.",
					Team: "support", Priority: i % 4, Contact: contact.Identity{Email: fmt.Sprintf("c%d@example.com", i%500)}})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
