package ticket

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
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
// searched as a word too: it is that ticket. Only the keys are read until
// the page is known; then the limit tickets are loaded as a list's rows
// (Row), except the ticket a number names.
func (s *Service) Find(ctx context.Context, q string, contacts []int64, limit int) ([]Ticket, error) {
	if n, ok := Number(q); ok {
		t, err := s.GetByNumber(ctx, n)
		if err == nil {
			return []Ticket{t}, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return nil, err
		}
	}
	keys, err := s.contactKeys(ctx, contacts, limit)
	if err != nil {
		return nil, err
	}
	if len(searchTerms(q)) > 0 {
		matching, err := s.matchKeys(ctx, q, limit)
		if err != nil {
			return nil, err
		}
		keys = append(keys, matching...)
	}
	slices.SortFunc(keys, func(a, b cursor) int {
		return cmp.Or(b.priority-a.priority, b.at.Compare(a.at), cmp.Compare(b.id, a.id))
	})
	keys = slices.CompactFunc(keys, func(a, b cursor) bool { return a.id == b.id })
	ids := make([]int64, 0, limit)
	for _, k := range keys[:min(len(keys), limit)] {
		ids = append(ids, k.id)
	}
	return s.byIDs(ctx, ids, Row)
}

// contactKeys are the keys of each contact's limit most pressing
// tickets, in one query: a UNION ALL of one range of tickets_contact per
// contact. One query per contact paid the round trip eight times; one IN
// over all of them sorted every ticket they hold.
func (s *Service) contactKeys(ctx context.Context, contacts []int64, limit int) ([]cursor, error) {
	if len(contacts) == 0 {
		return nil, nil
	}
	args := []any{limit}
	parts := make([]string, len(contacts))
	for i, c := range contacts {
		args = append(args, c)
		n := strconv.Itoa(len(args))
		parts[i] = `SELECT * FROM (SELECT t.priority, t.last_activity_at, t.id FROM tickets t WHERE t.contact_id = $` + n +
			` ORDER BY t.priority DESC, t.last_activity_at DESC, t.id DESC LIMIT $1) AS c` + n
	}
	return s.keys(ctx, strings.Join(parts, " UNION ALL "), args...)
}

// findWindow is how many of the newest tickets holding the words the
// search box ranks on SQLite. Sorting every match of a word by priority
// read each matching ticket's row (thousands of random reads, 50 to 280
// ms at p95 on a million tickets); the newest few hundred come straight
// from the end of the index, and the open tickets, which people search
// for, are among the newest.
const findWindow = 200

// sqliteNewestMatches reads the index backwards: FTS5 returns rowids
// (ticket ids) in descending order without collecting the matches.
const sqliteNewestMatches = `SELECT t.priority, t.last_activity_at, t.id FROM tickets t WHERE t.id IN
	(SELECT rowid FROM ticket_search WHERE ticket_search MATCH $1 ORDER BY rowid DESC LIMIT $2)`

// matchKeys are the keys of tickets holding every word of q: on SQLite
// the newest findWindow; on PostgreSQL, whose planner weighs a word's
// frequency from its statistics, the first page of the list's search.
func (s *Service) matchKeys(ctx context.Context, q string, limit int) ([]cursor, error) {
	if s.DB.Dialect == db.SQLite {
		return s.keys(ctx, sqliteNewestMatches, s.matchQuery(q), findWindow)
	}
	page, err := s.List(ctx, Filter{Q: q, Limit: limit, Load: Row})
	if err != nil {
		return nil, err
	}
	keys := make([]cursor, len(page.Items))
	for i, t := range page.Items {
		keys[i] = cursor{priority: t.Priority, at: t.LastActivityAt, id: t.ID}
	}
	return keys, nil
}

// keys runs a query answering (priority, last_activity_at, id) rows.
func (s *Service) keys(ctx context.Context, query string, args ...any) ([]cursor, error) {
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []cursor
	for rows.Next() {
		var k cursor
		if err := rows.Scan(&k.priority, &k.at, &k.id); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
