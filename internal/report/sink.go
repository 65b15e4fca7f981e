package report

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
)

// upsert is a roll-up increment: rows of width values whose first keys
// name the roll-up row and whose rest are added to it. An upsert without
// keys is a plain append (report_events).
type upsert struct {
	table  string
	cols   []string
	keys   int
	plain  bool
	suffix string
}

func newUpsert(table string, keys int, cols ...string) *upsert {
	u := &upsert{table: table, cols: cols, keys: keys}
	sets := make([]string, 0, len(cols)-keys)
	for _, c := range cols[keys:] {
		sets = append(sets, fmt.Sprintf("%s = %s.%s + excluded.%s", c, table, c, c))
	}
	u.suffix = " ON CONFLICT (" + strings.Join(cols[:keys], ", ") + ") DO UPDATE SET " + strings.Join(sets, ", ")
	return u
}

func newAppend(table string, cols ...string) *upsert {
	return &upsert{table: table, cols: cols, plain: true}
}

// sql is the statement for rows rows, built once per upsert and size.
func (u *upsert) sql(rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + u.table + " (" + strings.Join(u.cols, ", ") + ") VALUES ")
	n := 1
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range u.cols {
			if c > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "$%d", n)
			n++
		}
		b.WriteByte(')')
	}
	if !u.plain {
		b.WriteString(u.suffix)
	}
	return b.String()
}

// sink takes the record's roll-up rows. The live record writes them in
// the transaction of the change (txSink); a rebuild sums a chunk of
// tickets' rows in memory and writes each roll-up row once (sumSink).
type sink interface {
	add(ctx context.Context, u *upsert, args ...any) error
	// slice adds a fact's increment to its slice rows (slices.go).
	slice(ctx context.Context, a sliceAdd) error
	// chatSlice adds a chat's wait or duration to its chat slices.
	chatSlice(ctx context.Context, team int64, day, metric string, secs int64) error
}

// txSink holds a fact's roll-up rows and writes them at flush, so every
// transaction locks them in one order on PostgreSQL: table by table in
// writeOrder, each table's rows sorted by key, then the slice rows
// (slices.go). Two changes moving tickets between the same teams in
// opposite directions then never hold a row the other waits for while
// waiting for one it holds (TestMoversInOppositeDirectionsNeverDeadlock).
type txSink struct {
	tx      *db.Tx
	pending *sliceAdd
	held    map[*upsert][][]any
	slices  []sliceAdd
}

func (s *txSink) add(_ context.Context, u *upsert, args ...any) error {
	if s.held == nil {
		s.held = map[*upsert][][]any{}
	}
	width := len(u.cols)
	for i := 0; i+width <= len(args); i += width {
		s.held[u] = append(s.held[u], args[i:i+width])
	}
	return nil
}

// writeOrder is the order of the tables a fact writes, the slices'
// (report_slices) between the others and the tags' slices.
var writeOrder = []*upsert{eventsUpsert, daysUpsert, durationsUpsert, slaUpsert, tagsUpsert, hoursUpsert,
	sumHoursUpsert, sumOpenUpsert, sumSLAUpsert, opDurationsUpsert}

// writeHeld writes the rows held, in writeOrder and key order.
func (s *txSink) writeHeld(ctx context.Context) error {
	for _, u := range writeOrder {
		if err := s.writeRows(ctx, u); err != nil {
			return err
		}
	}
	if err := s.writeSlices(ctx); err != nil {
		return err
	}
	if err := s.writeRows(ctx, sliceTagsUpsert); err != nil {
		return err
	}
	// An upsert missing from writeOrder is still written, never lost.
	for _, u := range slices.SortedFunc(maps.Keys(s.held), func(a, b *upsert) int { return strings.Compare(a.table, b.table) }) {
		if err := s.writeRows(ctx, u); err != nil {
			return err
		}
	}
	return nil
}

// writeRows writes u's rows sorted by key, a statement for up to
// maxLiveRows of them; two rows of one key go in two statements (an
// upsert may not touch a row twice on PostgreSQL).
func (s *txSink) writeRows(ctx context.Context, u *upsert) error {
	rows := s.held[u]
	delete(s.held, u)
	if !u.plain {
		slices.SortStableFunc(rows, func(a, b []any) int { return compareKeys(a[:u.keys], b[:u.keys]) })
	}
	for len(rows) > 0 {
		n := 1
		for n < len(rows) && n < maxLiveRows && (u.plain || compareKeys(rows[n-1][:u.keys], rows[n][:u.keys]) != 0) {
			n++
		}
		args := make([]any, 0, n*len(u.cols))
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := s.tx.ExecContext(ctx, statement(u, n), args...); err != nil {
			return fmt.Errorf("%s: %w", u.table, err)
		}
		rows = rows[n:]
	}
	return nil
}

// compareKeys orders two rows' keys column by column (numbers as
// numbers, text as text).
func compareKeys(a, b []any) int {
	for i := range a {
		if c := compareValue(a[i], b[i]); c != 0 {
			return c
		}
	}
	return 0
}

func compareValue(a, b any) int {
	switch x := a.(type) {
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y)
		}
	case int:
		if y, ok := b.(int); ok {
			return cmp.Compare(x, y)
		}
	case int64:
		if y, ok := b.(int64); ok {
			return cmp.Compare(x, y)
		}
	}
	return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
}

// statements holds each upsert's text per row count, built at first use
// (the texts never change, so every call of a size runs the same SQL).
var statements = map[*upsert]*[maxLiveRows + 1]string{}

const maxLiveRows = 8

func init() {
	for _, u := range []*upsert{eventsUpsert, daysUpsert, durationsUpsert,
		slaUpsert, tagsUpsert, hoursUpsert, sumHoursUpsert, sumOpenUpsert,
		sumSLAUpsert, opDurationsUpsert, sliceTagsUpsert} {
		var texts [maxLiveRows + 1]string
		for n := 1; n <= maxLiveRows; n++ {
			texts[n] = u.sql(n)
		}
		statements[u] = &texts
	}
}

func statement(u *upsert, rows int) string {
	if texts, ok := statements[u]; ok && rows <= maxLiveRows {
		return texts[rows]
	}
	return u.sql(rows)
}
