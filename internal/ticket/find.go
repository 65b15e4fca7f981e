package ticket

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Number reads a ticket number as people write it: "1214" or "#1214".
func Number(q string) (int64, bool) {
	q = strings.TrimPrefix(strings.TrimSpace(q), "#")
	n, err := strconv.ParseInt(q, 10, 64)
	return n, err == nil && n > 0 && !strings.HasPrefix(q, "+")
}

// Find is the search box's ticket half, across open and closed tickets:
// the ticket numbered q (first), the tickets of contacts (the contacts the
// same query found), and the tickets whose subject or messages hold every
// word of q, most pressing first. A number that names a ticket is not
// searched as a word too: it is that ticket.
func (s *Service) Find(ctx context.Context, q string, contacts []int64, limit int) ([]Ticket, error) {
	var out []Ticket
	if n, ok := Number(q); ok {
		t, err := s.GetByNumber(ctx, n)
		if err == nil {
			return []Ticket{t}, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return nil, err
		}
	}
	if len(contacts) > 0 {
		theirs, err := s.ofContacts(ctx, contacts, limit)
		if err != nil {
			return nil, err
		}
		out = append(out, theirs...)
	}
	if len(searchTerms(q)) > 0 {
		page, err := s.List(ctx, Filter{Q: q, Limit: limit})
		if err != nil {
			return nil, err
		}
		out = append(out, page.Items...)
	}
	return mostPressing(out, limit), nil
}

// ofContacts is the most pressing tickets of the contacts: one short
// read of the index tickets_contact per contact (a query over all of them
// at once sorted far more rows than it kept), then only the first limit
// tickets loaded whole.
func (s *Service) ofContacts(ctx context.Context, contacts []int64, limit int) ([]Ticket, error) {
	var keys []cursor
	for _, c := range contacts {
		rows, err := s.DB.Read.QueryContext(ctx, `SELECT t.priority, t.last_activity_at, t.id FROM tickets t
			WHERE t.contact_id = $1 ORDER BY t.priority DESC, t.last_activity_at DESC, t.id DESC LIMIT $2`, c, limit)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k cursor
			if err := rows.Scan(&k.priority, &k.at, &k.id); err != nil {
				rows.Close()
				return nil, err
			}
			keys = append(keys, k)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(keys, func(a, b cursor) int {
		return cmp.Or(b.priority-a.priority, b.at.Compare(a.at), cmp.Compare(b.id, a.id))
	})
	ids := make([]int64, 0, limit)
	for _, k := range keys[:min(len(keys), limit)] {
		ids = append(ids, k.id)
	}
	return s.byIDs(ctx, ids)
}

// mostPressing orders tickets as every list does, each once, at most limit.
func mostPressing(ts []Ticket, limit int) []Ticket {
	slices.SortFunc(ts, func(a, b Ticket) int {
		if a.Priority != b.Priority {
			return b.Priority - a.Priority
		}
		if c := b.LastActivityAt.Compare(a.LastActivityAt); c != 0 {
			return c
		}
		return int(b.ID - a.ID)
	})
	ts = slices.CompactFunc(ts, func(a, b Ticket) bool { return a.ID == b.ID })
	return ts[:min(len(ts), limit)]
}
