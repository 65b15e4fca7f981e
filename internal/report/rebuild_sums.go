package report

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// sumSink adds up roll-up increments in memory, a rebuild chunk's or the
// roller's batch of queued facts, so each roll-up row they touch is
// written once, in blocks of rows.
type sumSink struct {
	skipEvents bool // Synthesize writes the roll-ups only
	order      []*upsert
	rows       map[*upsert]map[string]*sumRow
	appends    map[*upsert][][]any
	slices     map[sliceKey]*sliceSum
}

type sumRow struct {
	keys []any
	vals []int64
}

func newSumSink() *sumSink {
	return &sumSink{rows: map[*upsert]map[string]*sumRow{}, appends: map[*upsert][][]any{}}
}

func (s *sumSink) add(_ context.Context, u *upsert, args ...any) error {
	if s.skipEvents && u == eventsUpsert {
		return nil
	}
	w := len(u.cols)
	if _, ok := s.rows[u]; !ok {
		s.rows[u] = map[string]*sumRow{}
		s.order = append(s.order, u)
	}
	for i := 0; i+w <= len(args); i += w {
		row := args[i : i+w]
		if u.plain {
			s.appends[u] = append(s.appends[u], row)
			continue
		}
		id := rowID(row[:u.keys])
		r := s.rows[u][id]
		if r == nil {
			r = &sumRow{keys: row[:u.keys], vals: make([]int64, w-u.keys)}
			s.rows[u][id] = r
		}
		for j, v := range row[u.keys:] {
			n, err := asInt64(v)
			if err != nil {
				return fmt.Errorf("%s.%s: %w", u.table, u.cols[u.keys+j], err)
			}
			r.vals[j] += n
		}
	}
	return nil
}

func rowID(keys []any) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprint(k)
	}
	return strings.Join(parts, "\x00")
}

func asInt64(v any) (int64, error) {
	switch n := v.(type) {
	case int:
		return int64(n), nil
	case int64:
		return n, nil
	}
	return 0, fmt.Errorf("not a count: %T", v)
}

// flushBlock is how many rows one statement writes: many on PostgreSQL,
// where each statement is a round trip; few on SQLite, whose driver finds
// each parameter by name in a list (binding n parameters costs n²).
func flushBlock(d db.Dialect) int {
	if d == db.Postgres {
		return 200
	}
	return 8
}

// flush writes the rows summed, the slices first and then the tables in
// writeOrder, and a rebuild's replayed tickets' states.
func (s *sumSink) flush(ctx context.Context, tx *db.Tx, states map[int64]state) error {
	if err := s.flushSlices(ctx, tx); err != nil {
		return err
	}
	for _, u := range orderOf(s.order) {
		var rows [][]any
		if u.plain {
			rows = s.appends[u]
		} else {
			// In key order: each statement then writes near the last.
			for _, id := range slices.Sorted(maps.Keys(s.rows[u])) {
				r := s.rows[u][id]
				row := append([]any{}, r.keys...)
				for _, v := range r.vals {
					row = append(row, v)
				}
				rows = append(rows, row)
			}
		}
		if err := writeRows(ctx, tx, u, rows); err != nil {
			return err
		}
	}
	var rows [][]any
	for id, st := range states {
		rows = append(rows, []any{id, st.team, st.channel, st.priority, st.operator, st.isOpen, st.answered,
			db.Norm(st.createdAt)})
	}
	return writeRows(ctx, tx, statesAppend, rows)
}

var statesAppend = newAppend("report_tickets", "ticket_id", "team_id", "channel", "priority", "operator_id",
	"is_open", "answered", "created_at")

// writeRows writes rows with u in blocks of flushBlock rows.
func writeRows(ctx context.Context, tx *db.Tx, u *upsert, rows [][]any) error {
	block := flushBlock(tx.Dialect)
	var full string
	for len(rows) > 0 {
		n := min(len(rows), block)
		text := full
		if n < block || full == "" {
			text = u.sql(n)
			if n == block {
				full = text
			}
		}
		args := make([]any, 0, n*len(u.cols))
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, text, args...); err != nil {
			return fmt.Errorf("%s: %w", u.table, err)
		}
		rows = rows[n:]
	}
	return nil
}
