package report

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
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

// sink takes the record's roll-up rows. The live record queues them in
// the transaction of the change, one report_queue row per change
// (queueSink); the roller and a rebuild sum many facts' rows in memory
// and write each roll-up row once (sumSink).
type sink interface {
	add(ctx context.Context, u *upsert, args ...any) error
	// slice adds a fact's increment to its slice rows (slices.go).
	slice(ctx context.Context, a sliceAdd) error
	// chatSlice adds a chat's wait or duration to its chat slices.
	chatSlice(ctx context.Context, team int64, day, metric string, secs int64) error
}

// writeOrder is the order in which sumSink writes the roll-ups, after
// the slices (report_slices), each table's rows sorted by key: every
// writer of roll-ups (the roller, a rebuild's chunk) locks rows in one
// order on PostgreSQL, so two of them never wait on each other's rows
// crosswise (TestMoversInOppositeDirectionsNeverDeadlock was the live
// record's case; the roller's lock now keeps them apart as well).
var writeOrder = []*upsert{eventsUpsert, daysUpsert, durationsUpsert, slaUpsert, tagsUpsert, hoursUpsert,
	sumHoursUpsert, sumOpenUpsert, sumSLAUpsert, opDurationsUpsert, sliceTagsUpsert, chatDaysUpsert,
	chatCountryUpsert}

// orderOf sorts upserts as writeOrder, any other after them by table and
// columns, so none is ever left unwritten.
func orderOf(us []*upsert) []*upsert {
	rank := func(u *upsert) int {
		if i := slices.Index(writeOrder, u); i >= 0 {
			return i
		}
		return len(writeOrder)
	}
	return slices.SortedFunc(slices.Values(us), func(a, b *upsert) int {
		if c := cmp.Compare(rank(a), rank(b)); c != 0 {
			return c
		}
		return strings.Compare(a.table+strings.Join(a.cols, ","), b.table+strings.Join(b.cols, ","))
	})
}
