package ticket

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// timeSort is a list order by one time column, then the id, instead of
// the usual priority then activity. Its cursor starts with its key, so a
// cursor of one order is never read as another's.
type timeSort struct {
	key    string // the cursor's prefix
	column string
	desc   bool
	at     func(Ticket) *time.Time // the value a page's last ticket continues from
}

// timeSorts are the orders Filter.Sort may name besides the usual one.
// Each has an index in its order (migrations 0025 and 0043).
var timeSorts = map[string]timeSort{
	// Soonest SLA due time first; the tickets without one follow (listByDue).
	"due": {key: "d", column: "t.sla_due_at", at: func(t Ticket) *time.Time {
		if t.SLA == nil {
			return nil
		}
		return t.SLA.DueAt
	}},
	// The customer who has waited longest since writing comes first.
	"waiting": {key: "w", column: "t.last_customer_activity_at", at: func(t Ticket) *time.Time { return t.LastCustomerActivityAt }},
	// The latest customer message first.
	"customer": {key: "c", column: "t.last_customer_activity_at", desc: true, at: func(t Ticket) *time.Time { return t.LastCustomerActivityAt }},
	// The latest closed first: what the Closed view shows.
	"closed": {key: "x", column: "t.closed_at", desc: true, at: func(t Ticket) *time.Time { return t.ClosedAt }},
}

// sortNames is what a bad sort= is told to use.
const sortNames = "due (soonest SLA due time first), waiting (longest waiting customer first), " +
	"customer (latest customer message first), closed (latest closed first), or left out"

func (ts timeSort) order() string {
	dir := ""
	if ts.desc {
		dir = " DESC"
	}
	return " ORDER BY " + ts.column + dir + ", t.id" + dir + " LIMIT "
}

// after is the keyset condition of the rows after the cursor's.
func (ts timeSort) after(w *where, c cursor) string {
	op := ">"
	if ts.desc {
		op = "<"
	}
	return fmt.Sprintf("(%s, t.id) %s (%s, %s)", ts.column, op, w.arg(c.at), w.arg(c.id))
}

// cursor is where a page ends: the sort's key ("" for the usual order),
// the priority (usual order only), the time and the id.
type cursor struct {
	sort     string
	priority int
	at       time.Time // latest activity, or the time column of a timeSort
	id       int64
}

func (c cursor) String() string {
	raw := fmt.Sprintf("%d.%d.%d", c.priority, c.at.UnixMicro(), c.id)
	if c.sort != "" {
		raw = fmt.Sprintf("%s.%d.%d", c.sort, c.at.UnixMicro(), c.id)
	}
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func parseCursor(s string) (cursor, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	parts := strings.Split(string(raw), ".")
	if err != nil || len(parts) != 3 {
		return cursor{}, errors.New("bad cursor")
	}
	var c cursor
	if parts[0] != "" && (parts[0][0] < '0' || parts[0][0] > '9') && parts[0][0] != '-' {
		c.sort, parts[0] = parts[0], "0"
	}
	var n [3]int64
	for i, p := range parts {
		if n[i], err = strconv.ParseInt(p, 10, 64); err != nil {
			return cursor{}, errors.New("bad cursor")
		}
	}
	c.priority, c.at, c.id = int(n[0]), time.UnixMicro(n[1]).UTC(), n[2]
	return c, nil
}

// cursorSort is the sort key of cursor s, or "" for the usual order.
func cursorSort(s string) string {
	c, err := parseCursor(s)
	if err != nil {
		return ""
	}
	return c.sort
}
