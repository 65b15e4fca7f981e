package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/frontdesk/frontdesk/internal/db"
)

// queued is one change's roll-up increments as report_queue keeps them
// (migration 0074): the upserts' rows by the upsert's code, the slice
// adds and the chat slice adds, each a JSON array of plain values.
type queued struct {
	Rows   map[string][][]any `json:"u,omitempty"`
	Slices [][]any            `json:"s,omitempty"`
	Chats  [][]any            `json:"c,omitempty"`
}

// queuedUpserts names each roll-up a fact may add to by a short code,
// the same in every build: a row queued by one node is rolled by another.
var queuedUpserts = map[string]*upsert{
	"days": daysUpsert, "dur": durationsUpsert, "open": sumOpenUpsert, "opdur": opDurationsUpsert,
	"sla": slaUpsert, "sumsla": sumSLAUpsert, "tag": tagsUpsert, "stag": sliceTagsUpsert,
	"hour": hoursUpsert, "sumhour": sumHoursUpsert, "chat": chatDaysUpsert, "country": chatCountryUpsert,
}

var codeOf = func() map[*upsert]string {
	out := map[*upsert]string{}
	for code, u := range queuedUpserts {
		out[u] = code
	}
	return out
}()

// queueSink is the live record's sink: in the change's transaction it
// writes what is the fact's own (report_events, appended) and queues its
// roll-up increments as one report_queue row, which the roller sums
// with others' (roller.go). No shared roll-up row is locked by a change.
type queueSink struct {
	tx      *db.Tx
	appends map[*upsert][][]any
	q       queued
}

func newQueueSink(tx *db.Tx) *queueSink {
	return &queueSink{tx: tx, appends: map[*upsert][][]any{}, q: queued{Rows: map[string][][]any{}}}
}

func (s *queueSink) add(_ context.Context, u *upsert, args ...any) error {
	width := len(u.cols)
	code, ok := codeOf[u]
	if !u.plain && !ok {
		return fmt.Errorf("%s: not a queued roll-up", u.table)
	}
	for i := 0; i+width <= len(args); i += width {
		if u.plain {
			s.appends[u] = append(s.appends[u], args[i:i+width])
		} else {
			s.q.Rows[code] = append(s.q.Rows[code], args[i:i+width])
		}
	}
	return nil
}

func (s *queueSink) slice(_ context.Context, a sliceAdd) error {
	var c any
	if a.counts != nil {
		c = a.counts[:]
	}
	s.q.Slices = append(s.q.Slices, []any{a.k.team, a.k.channel, a.k.priority, a.k.operator, a.day, c,
		a.wallMetric, a.busMetric, a.wall, a.business})
	return nil
}

func (s *queueSink) chatSlice(_ context.Context, team int64, day, metric string, secs int64) error {
	s.q.Chats = append(s.q.Chats, []any{team, day, metric, secs})
	return nil
}

// flush appends the fact's events and its one queue row.
func (s *queueSink) flush(ctx context.Context) error {
	for u, rows := range s.appends {
		if err := writeRows(ctx, s.tx, u, rows); err != nil {
			return err
		}
	}
	if len(s.q.Rows) == 0 && len(s.q.Slices) == 0 && len(s.q.Chats) == 0 {
		return nil
	}
	body, err := json.Marshal(s.q)
	if err != nil {
		return err
	}
	_, err = s.tx.ExecContext(ctx, `INSERT INTO report_queue (body) VALUES ($1)`, string(body))
	return err
}

// sumQueued adds one queue row's increments to sums.
func sumQueued(ctx context.Context, sums *sumSink, body string) error {
	var q queued
	dec := json.NewDecoder(bytes.NewReader([]byte(body)))
	dec.UseNumber() // counts and ids stay integers
	if err := dec.Decode(&q); err != nil {
		return fmt.Errorf("report_queue: %w", err)
	}
	for code, rows := range q.Rows {
		u, ok := queuedUpserts[code]
		if !ok {
			return fmt.Errorf("report_queue: unknown roll-up %q", code)
		}
		for _, row := range rows {
			if err := sums.add(ctx, u, plainValues(row)...); err != nil {
				return err
			}
		}
	}
	for _, v := range q.Slices {
		a, err := sliceAddOf(plainValues(v))
		if err != nil {
			return err
		}
		if err := sums.slice(ctx, a); err != nil {
			return err
		}
	}
	for _, v := range q.Chats {
		c := plainValues(v)
		if len(c) != 4 {
			return fmt.Errorf("report_queue: chat slice of %d values", len(c))
		}
		if err := sums.chatSlice(ctx, asInt(c[0]), asText(c[1]), asText(c[2]), asInt(c[3])); err != nil {
			return err
		}
	}
	return nil
}

// sliceAddOf reads back a slice add queued by queueSink.slice.
func sliceAddOf(v []any) (sliceAdd, error) {
	if len(v) != 10 {
		return sliceAdd{}, fmt.Errorf("report_queue: slice add of %d values", len(v))
	}
	a := sliceAdd{k: key{team: asInt(v[0]), channel: asText(v[1]), priority: int(asInt(v[2])), operator: asInt(v[3])},
		day: asText(v[4]), wallMetric: asText(v[6]), busMetric: asText(v[7]), wall: asInt(v[8]), business: asInt(v[9])}
	if c, ok := v[5].([]any); ok {
		var counts [8]int64
		if len(c) != len(counts) {
			return a, fmt.Errorf("report_queue: %d slice counts", len(c))
		}
		for i, n := range plainValues(c) {
			counts[i] = asInt(n)
		}
		a.counts = &counts
	}
	return a, nil
}

// plainValues turns decoded JSON numbers back into int64 (every number
// the record queues is an integer); text and lists stay as they are.
func plainValues(row []any) []any {
	out := make([]any, len(row))
	for i, v := range row {
		out[i] = v
		if n, ok := v.(json.Number); ok {
			if x, err := n.Int64(); err == nil {
				out[i] = x
			}
		}
	}
	return out
}

func asInt(v any) int64 {
	n, _ := v.(int64)
	return n
}

func asText(v any) string {
	s, _ := v.(string)
	return s
}
