package report

import (
	"context"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// TicketsByFullKey is Tickets read from the full-key roll-ups (and their
// sums) whatever the filter, to check the slices against.
func (s *Service) TicketsByFullKey(ctx context.Context, f Filter) (Tickets, error) {
	return s.tickets(ctx, f, false)
}

// RollAndFail rolls the queue as Roll does and fails before the commit,
// as a node that dies mid-roll: the transaction rolls back.
func RollAndFail(ctx context.Context, s *Service) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if err := lockRoller(ctx, tx); err != nil {
			return err
		}
		n, err := rollTx(ctx, tx, rollBatch)
		if err != nil {
			return err
		}
		return fmt.Errorf("died after rolling %d facts", n)
	})
}

// PointPlans is the plans of the two reads of a report filtered by all
// three of channel, priority and operator, for team over 90 days.
func (s *Service) PointPlans(ctx context.Context, team int64, channel string, priority int, operator int64) (string, error) {
	explain := map[db.Dialect]string{db.SQLite: "EXPLAIN QUERY PLAN ", db.Postgres: "EXPLAIN "}[s.DB.Dialect]
	args := []any{"2026-09-01", "2026-11-30", team, channel, priority, operator}
	var out []string
	for _, q := range []struct {
		text string
		args []any
	}{{pointDaysSQL(s.DB.Dialect), args}, {pointDurationsSQL(s.DB.Dialect), append(args, firstResponseBusiness, resolutionBusiness)}} {
		rows, err := s.DB.Read.QueryContext(ctx, explain+q.text, q.args...)
		if err != nil {
			return "", err
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return "", err
			}
			out = append(out, fmt.Sprint(vals...))
		}
		rows.Close()
		out = append(out, "")
	}
	return strings.Join(out, "\n"), nil
}
