package automation_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/automation"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// BenchmarkEvaluate200Rules evaluates 200 rules listening to one event,
// none of whose conditions hold, inside a transaction: the cost every
// answer pays with a large rule book. Run with
// go test ./internal/automation -run - -bench Evaluate200 -benchtime 2000x
func BenchmarkEvaluate200Rules(b *testing.B) {
	d := testutil.NewSQLite(b)
	s := testutil.Services(b, d)
	teams, err := s.Teams.List(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	for i := range 200 {
		_, err := s.Automations.Create(b.Context(), automation.Rule{Name: fmt.Sprintf("rule %d", i), Enabled: true,
			Scope: automation.Scope{Team: teams[0].ID}, When: automation.When{Event: "answer_sent"},
			If:   [][]automation.Cond{{{Field: "priority", Op: "is", Value: 3}, {Field: "tags", Op: "contains", Value: "vip"}}},
			Then: []automation.Action{{Action: "add_tags", Tags: []string{"x"}}}})
		if err != nil {
			b.Fatal(err)
		}
	}
	tk, err := s.Tickets.Create(b.Context(), ticket.NewTicket{Subject: "s", Description: "d", Team: teams[0].Slug,
		Channel: ticket.API, Contact: contactOf("bench@example.com")})
	if err != nil {
		b.Fatal(err)
	}
	h := []ticket.Happening{{Event: ticket.HappenedAnswerSent, TicketID: tk.ID, Actor: ticket.ActorOperator}}
	var took []time.Duration
	b.ResetTimer()
	err = d.WithTx(b.Context(), func(tx *db.Tx) error {
		for b.Loop() {
			start := time.Now()
			if err := s.Automations.Happened(b.Context(), tx, h); err != nil {
				return err
			}
			took = append(took, time.Since(start))
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	slices.Sort(took) // the target is the p99
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}
