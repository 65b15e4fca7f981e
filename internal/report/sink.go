package report

import (
	"context"
	"fmt"
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

// txSink writes each increment at once, one statement for its rows (a
// fact's slice counts wait for its duration, slices.go; flush writes them).
type txSink struct {
	tx      *db.Tx
	pending *sliceAdd
}

func (s *txSink) add(ctx context.Context, u *upsert, args ...any) error {
	rows := len(args) / len(u.cols)
	_, err := s.tx.ExecContext(ctx, statement(u, rows), args...)
	return err
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
