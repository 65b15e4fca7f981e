package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/report"
)

// reportCase is one report the page or the API reads, with its filters.
type reportCase struct {
	name string
	q    report.Query
	read func(ctx context.Context, s *report.Service, f report.Filter) error
}

func reportCases(team, operator string) []reportCase {
	tickets := func(ctx context.Context, s *report.Service, f report.Filter) error {
		_, err := s.Tickets(ctx, f)
		return err
	}
	return []reportCase{
		{"tickets, every team", report.Query{}, tickets},
		{"tickets, one team", report.Query{Team: team}, tickets},
		{"tickets, one channel", report.Query{Channel: "email"}, tickets},
		{"tickets, one priority", report.Query{Priority: "0"}, tickets},
		{"tickets, one operator", report.Query{Operator: operator}, tickets},
		{"tickets, wall time", report.Query{Time: "wall"}, tickets},
		{"tickets, one channel and one priority", report.Query{Channel: "email", Priority: "0"}, tickets},
		{"tickets, one channel and one operator", report.Query{Channel: "email", Operator: operator}, tickets},
		{"tickets, one priority and one operator", report.Query{Priority: "0", Operator: operator}, tickets},
		{"tickets, channel, priority and operator", report.Query{Channel: "email", Priority: "0", Operator: operator},
			tickets},
		{"operators", report.Query{}, func(ctx context.Context, s *report.Service, f report.Filter) error {
			_, err := s.Operators(ctx, f)
			return err
		}},
		{"breakdowns (SLA, channel, tag, heat map)", report.Query{}, func(ctx context.Context, s *report.Service, f report.Filter) error {
			_, err := s.Breakdowns(ctx, f)
			return err
		}},
		{"chats", report.Query{}, func(ctx context.Context, s *report.Service, f report.Filter) error {
			_, err := s.Chats(ctx, f)
			return err
		}},
		{"chat operators", report.Query{}, func(ctx context.Context, s *report.Service, f report.Filter) error {
			_, err := s.ChatOperators(ctx, f)
			return err
		}},
		{"chat sessions, newest 50", report.Query{}, sessions("")},
		{"chat sessions, missed", report.Query{}, sessions("missed")},
		{"chat sessions, commented", report.Query{}, sessions("commented")},
	}
}

// sessions reads the first page of the chat sessions list, as the page
// and the API show it, keeping outcome's sessions.
func sessions(outcome string) func(ctx context.Context, s *report.Service, f report.Filter) error {
	return func(ctx context.Context, s *report.Service, f report.Filter) error {
		_, err := s.Sessions(ctx, f, report.SessionQuery{Outcome: outcome})
		return err
	}
}

// Reports times each report over 90-day windows as an admin sees them,
// the windows ending on the record's last day and on each of the 59 days
// before it in turn, through the report package's reads (what the page
// and the API call). The record must hold the tickets' history first:
// `frontdesk reports rebuild` (docs/benchmarks.md).
func Reports(ctx context.Context, s *app.Services, g *generator, n int) ([]Result, error) {
	last, err := lastReportDay(ctx, s)
	if err != nil {
		return nil, err
	}
	admin := report.Asker{Admin: true}
	var out []Result
	for _, c := range reportCases(g.teamSlugs[0], fmt.Sprint(g.operators[0])) {
		samples, err := timeEach(n, func(i int) error {
			to := last.AddDate(0, 0, -(i % 60))
			q := c.q
			q.From, q.To = to.AddDate(0, 0, -89).Format(time.DateOnly), to.Format(time.DateOnly)
			f, err := s.Reports.Check(ctx, admin, q)
			if err != nil {
				return err
			}
			return c.read(ctx, s.Reports, f)
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.name, err)
		}
		out = append(out, summarize("report over 90 days: "+c.name, "p95 <= 100 ms", samples))
	}
	return out, nil
}

func lastReportDay(ctx context.Context, s *app.Services) (time.Time, error) {
	var day *string
	if err := s.DB.Read.QueryRowContext(ctx, `SELECT MAX(day) FROM report_days`).Scan(&day); err != nil {
		return time.Time{}, err
	}
	if day == nil {
		return time.Time{}, fmt.Errorf("the report record is empty: run frontdesk reports rebuild first")
	}
	return time.Parse(time.DateOnly, *day)
}
