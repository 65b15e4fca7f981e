package ticket

import (
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

// ofContacts is the most pressing tickets of the contacts, by the index
// tickets_contact.
func (s *Service) ofContacts(ctx context.Context, contacts []int64, limit int) ([]Ticket, error) {
	args := make([]any, 0, len(contacts)+1)
	for _, id := range contacts {
		args = append(args, id)
	}
	args = append(args, limit)
	ids, err := s.ids(ctx, `SELECT t.id FROM tickets t WHERE t.contact_id IN (`+placeholders(1, len(contacts))+
		`) ORDER BY t.priority DESC, t.last_activity_at DESC, t.id DESC LIMIT $`+strconv.Itoa(len(args)), args)
	if err != nil {
		return nil, err
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
