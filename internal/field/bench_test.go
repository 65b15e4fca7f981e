package field_test

import (
	"context"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/field"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// benchTickets is how many open tickets the filter benchmark lists.
const benchTickets = 50_000

// BenchmarkListByField times the inbox's first page filtered by a custom
// field (ParseMatch, then List), for a value a third of the tickets hold
// (the list walks its order and probes each ticket) and one 0.1% hold (it
// starts from the value's rows). Results: docs/benchmarks.md.
func BenchmarkListByField(b *testing.B) {
	engines := map[string]func(testing.TB) *db.DB{"sqlite": testutil.NewSQLite, "postgres": testutil.NewPostgres}
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			d := engines[name](b)
			s := testutil.Services(b, d)
			ctx := context.Background()
			def, err := s.Fields.Create(ctx, field.Input{Name: "reason", Label: "Reason", Type: field.Choice,
				Options: []string{"Refund", "Exchange", "Credit"}})
			if err != nil {
				b.Fatal(err)
			}
			seedBench(b, s.Tickets, d, def.ID)
			for _, value := range []string{"Refund", "Credit"} {
				b.Run(value, func(b *testing.B) {
					for b.Loop() {
						m, err := s.Fields.ParseMatch(ctx, "field", "reason:"+value)
						if err != nil {
							b.Fatal(err)
						}
						page, err := s.Tickets.List(ctx, ticket.Filter{Team: "support", Kind: "open", Limit: 50,
							Custom: []field.Match{m}})
						if err != nil || len(page.Items) == 0 {
							b.Fatalf("%d tickets, %v", len(page.Items), err)
						}
					}
				})
			}
		})
	}
}

// seedBench copies one real ticket benchTickets times, with priorities
// spread, and gives each a reason: Credit on one in a thousand, Refund on
// a third, Exchange on the rest.
func seedBench(b *testing.B, tickets *ticket.Service, d *db.DB, fieldID int64) {
	ctx := context.Background()
	tk, err := tickets.Create(ctx, ticket.NewTicket{Subject: "Kettle", Team: "support",
		Contact: contactIdentity("bench@example.com")})
	if err != nil {
		b.Fatal(err)
	}
	steps := []struct {
		sql  string
		args []any
	}{
		{`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
			INSERT INTO tickets (number, subject, description, team_id, pipeline_id, status_id, is_open, priority,
				contact_id, channel, public_token, created_at, updated_at, last_activity_at)
			SELECT 1000000 + i, t.subject, '', t.team_id, t.pipeline_id, t.status_id, t.is_open, i % 4, t.contact_id,
				t.channel, 'bench' || i, t.created_at, t.updated_at, t.last_activity_at FROM n, tickets t WHERE t.id = $1`,
			[]any{tk.ID, benchTickets}},
		{`INSERT INTO ticket_values (ticket_id, field_id, value) SELECT id, $1,
			CASE WHEN id % 1000 = 7 THEN 'Credit' WHEN id % 3 = 0 THEN 'Refund' ELSE 'Exchange' END FROM tickets`,
			[]any{fieldID}},
	}
	for _, st := range steps {
		if _, err := d.Write.ExecContext(ctx, st.sql, st.args...); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := d.Write.ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
}
