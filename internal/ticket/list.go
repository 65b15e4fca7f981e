package ticket

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
)

// Filter narrows a ticket list. Every list is ordered by priority, highest
// first, then by latest activity.
type Filter struct {
	Team      string // id or slug
	Status    string // id or name
	Kind      string // open | closed
	Assignee  string // me | none | id | email
	MeID      int64  // the operator "me" means
	Priority  *int
	Channel   string
	ContactID int64
	Tag       string
	Custom    []field.Match // custom field values, all of which must hold
	Q         string
	// Viewer, when set, keeps only the tickets this operator (not an
	// admin) may see: those of pipelines open to one of their teams.
	Viewer int64
	// SLA is an SLA state (breached, warning, running, paused, met).
	SLA string
	// Sort "due" lists tickets with an SLA due time first, soonest first
	// (overdue ones before all others), then the rest in the usual order;
	// "waiting" the longest waiting customer first, "customer" the latest
	// customer message first, "closed" the latest closed first (closed
	// tickets only); "" is the usual order.
	Sort string
	// Facts keeps the tickets behind a report figure (list_facts.go).
	Facts *Facts
	// Load says how much of each ticket to read: the whole ticket (the
	// API), a list's row or a board's card.
	Load Load
	// noDue keeps only tickets without a due time (the rest of "due").
	noDue  bool
	Limit  int
	Cursor string
}

// Load is how much of each ticket a list reads.
type Load int

// The loads, from the whole ticket to a board card (briefColumns).
const (
	Whole Load = iota // every field
	Row               // no description, tags, public link, closed tickets' SLA; the contact's address only when they have no name
	Card              // a Row without CustomerLast
)

// Page is one page of a list and the cursor of the next.
type Page struct {
	Items      []Ticket `json:"items"`
	NextCursor string   `json:"next_cursor"`
}

// where builds the WHERE clause of a list; the SQL text depends only on
// which filters are set, so the engine can cache each shape.
type where struct {
	conds []string
	args  []any
}

func (w *where) arg(v any) string { w.args = append(w.args, v); return "$" + strconv.Itoa(len(w.args)) }
func (w *where) add(cond string)  { w.conds = append(w.conds, cond) }

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// List returns one page of tickets matching f.
func (s *Service) List(ctx context.Context, f Filter) (Page, error) {
	if f.Sort == "due" {
		return s.listByDue(ctx, f)
	}
	return s.list(ctx, f)
}

// listByDue lists the tickets with a due time, soonest first, on the
// index of due times, then the others in the usual order: a cursor of the
// usual kind says the due ones are done.
func (s *Service) listByDue(ctx context.Context, f Filter) (Page, error) {
	rest := f
	rest.Sort, rest.noDue = "", true
	if f.Cursor != "" && cursorSort(f.Cursor) != "d" {
		return s.list(ctx, rest)
	}
	page, err := s.list(ctx, f)
	limit := pageLimit(f.Limit)
	if err != nil || page.NextCursor != "" {
		return page, err
	}
	if len(page.Items) >= limit { // the next page starts with the others
		page.NextCursor = cursor{"", MaxPriority + 1, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), 1 << 62}.String()
		return page, nil
	}
	rest.Cursor, rest.Limit = "", limit-len(page.Items)
	more, err := s.list(ctx, rest)
	page.Items, page.NextCursor = append(page.Items, more.Items...), more.NextCursor
	return page, err
}

func pageLimit(n int) int {
	if n <= 0 || n > 200 {
		return 50
	}
	return n
}

func (s *Service) list(ctx context.Context, f Filter) (Page, error) {
	w, verify, err := s.filterSQL(ctx, f)
	if err != nil {
		return Page{}, err
	}
	limit := pageLimit(f.Limit)
	ids, err := s.pageIDs(ctx, w, verify, f, limit)
	if err != nil {
		return Page{}, err
	}
	page := Page{Items: []Ticket{}}
	more := len(ids) > limit // the extra row says whether a next page exists
	if more {
		ids = ids[:limit]
	}
	if page.Items, err = s.byIDs(ctx, ids, f.Load); err != nil {
		return Page{}, err
	}
	if more && len(page.Items) == limit {
		last := page.Items[limit-1]
		page.NextCursor = cursor{"", last.Priority, last.LastActivityAt, last.ID}.String()
		if ts, ok := timeSorts[f.Sort]; ok && ts.at(last) != nil {
			page.NextCursor = cursor{ts.key, 0, *ts.at(last), last.ID}.String()
		}
	}
	return page, nil
}

// pageIDs returns up to limit+1 ids in list order: by one query, or, for
// a search expected to match many tickets, by testing tickets in order.
func (s *Service) pageIDs(ctx context.Context, w *where, verify []string, f Filter, limit int) ([]int64, error) {
	if verify != nil && f.Sort == "" {
		ids, done, err := s.searchCommon(ctx, w, verify, f.Q, limit)
		if err != nil || done {
			return ids, err
		}
	}
	if verify != nil {
		w.add(fmt.Sprintf(sqliteMatch, w.arg(s.matchQuery(f.Q))))
	}
	order := ` ORDER BY t.priority DESC, t.last_activity_at DESC, t.id DESC LIMIT `
	if ts, ok := timeSorts[f.Sort]; ok {
		order = ts.order()
	}
	query := `SELECT t.id FROM tickets t` + w.sql() + order + w.arg(limit+1)
	return s.ids(ctx, query, w.args)
}

func (s *Service) filterSQL(ctx context.Context, f Filter) (*where, []string, error) {
	w := &where{}
	var c domain.Check
	// Filters are looked up as they are read: refuse what the database
	// cannot take (PostgreSQL fails on NUL) before any lookup.
	for field, v := range map[string]string{"team": f.Team, "q": f.Q, "status": f.Status, "channel": f.Channel,
		"tag": f.Tag, "assignee": f.Assignee, "cursor": f.Cursor} {
		c.Line(field, v)
	}
	if err := c.Err(); err != nil {
		return nil, nil, err
	}
	if f.Team != "" {
		team, err := s.Teams.Find(ctx, s.DB.Read, f.Team)
		if errors.Is(err, domain.ErrNotFound) {
			c.Add("team", fmt.Sprintf("no team with id or slug %q", f.Team))
		} else if err != nil {
			return nil, nil, err
		}
		w.add("t.team_id = " + w.arg(team.ID))
	}
	switch f.Kind {
	case "":
	case "open", "closed":
		w.add("t.is_open = " + w.arg(f.Kind == "open"))
	default:
		c.Add("kind", "must be open or closed")
	}
	if err := s.assigneeFilter(ctx, w, f, &c); err != nil {
		return nil, nil, err
	}
	s.simpleFilters(w, f, &c)
	factsFilter(w, f.Facts, &c)
	if f.Viewer != 0 {
		w.add(fmt.Sprintf(visibleSQL, w.arg(f.Viewer)))
	}
	verify := s.searchFilter(w, f.Q)
	slaFilters(w, f, &c)
	if f.Cursor != "" {
		cur, err := parseCursor(f.Cursor)
		ts, timed := timeSorts[f.Sort]
		c.Require(err == nil && cur.sort == ts.key, "cursor", "is not a cursor from a previous page")
		if timed {
			w.add(ts.after(w, cur))
		} else {
			w.add(fmt.Sprintf("(t.priority, t.last_activity_at, t.id) < (%s, %s, %s)",
				w.arg(cur.priority), w.arg(cur.at), w.arg(cur.id)))
		}
	}
	return w, verify, c.Err()
}

func (s *Service) simpleFilters(w *where, f Filter, c *domain.Check) {
	if f.Status != "" {
		if id, err := strconv.ParseInt(f.Status, 10, 64); err == nil {
			w.add("t.status_id = " + w.arg(id))
		} else {
			w.add("t.status_id IN (SELECT id FROM statuses WHERE lower(name) = lower(" + w.arg(f.Status) + "))")
		}
	}
	if f.Priority != nil {
		c.Require(*f.Priority >= 0 && *f.Priority <= MaxPriority, "priority", "must be 0, 1, 2 or 3")
		w.add("t.priority = " + w.arg(*f.Priority))
	}
	if f.Channel != "" {
		c.Require(channels[Channel(f.Channel)], "channel", "must be one of email, web_form, widget, chat, manual, api")
		w.add("t.channel = " + w.arg(f.Channel))
	}
	if f.ContactID != 0 {
		w.add("t.contact_id = " + w.arg(f.ContactID))
	}
	if f.Tag != "" {
		w.add("t.id IN (SELECT ticket_id FROM ticket_tags WHERE tag = " + w.arg(normalizeTag(f.Tag)) + ")")
	}
	for _, m := range f.Custom {
		switch {
		case m.Absent:
			w.add("NOT EXISTS (SELECT 1 FROM ticket_values v WHERE v.ticket_id = t.id AND v.field_id = " + w.arg(m.FieldID) + ")")
		case m.Few: // start from the few tickets holding the value
			w.add("t.id IN (SELECT ticket_id FROM ticket_values WHERE field_id = " + w.arg(m.FieldID) +
				" AND value = " + w.arg(m.Value) + ")")
		default: // walk the list's order, probing each ticket's values by key
			// OFFSET 0 keeps PostgreSQL's generic plan from turning the probe
			// into a hash join over every ticket holding the value.
			w.add("EXISTS (SELECT 1 FROM ticket_values v WHERE v.ticket_id = t.id AND v.field_id = " + w.arg(m.FieldID) +
				" AND v.value = " + w.arg(m.Value) + " LIMIT 1 OFFSET 0)")
		}
	}
}

func (s *Service) assigneeFilter(ctx context.Context, w *where, f Filter, c *domain.Check) error {
	switch a := strings.TrimSpace(f.Assignee); a {
	case "":
	case "none":
		w.add("t.assignee_id IS NULL")
	case "me":
		w.add("t.assignee_id = " + w.arg(f.MeID))
	default:
		op, err := s.Operators.Find(ctx, s.DB.Read, a)
		if errors.Is(err, domain.ErrNotFound) {
			c.Add("assignee", fmt.Sprintf("must be me, none, or an operator id or email; no operator %q", a))
			return nil
		}
		if err != nil {
			return err
		}
		w.add("t.assignee_id = " + w.arg(op.ID))
	}
	return nil
}

func (s *Service) ids(ctx context.Context, query string, args []any) ([]int64, error) {
	rows, err := s.DB.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// byIDs loads tickets for ids, in the order given, as much as load says.
func (s *Service) byIDs(ctx context.Context, ids []int64, load Load) ([]Ticket, error) {
	if len(ids) == 0 {
		return []Ticket{}, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT `+loadColumns[load]+ticketFrom+`WHERE t.id IN (`+
		placeholders(1, len(ids))+`)`, args...)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*Ticket{}
	for rows.Next() {
		t, err := s.scan(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		byID[t.ID] = &t
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Ticket, 0, len(ids))
	for _, id := range ids {
		if t, ok := byID[id]; ok {
			out = append(out, *t)
		}
	}
	return out, s.withCustom(ctx, out)
}

// slaStates are the states an SLA filter may name.
var slaStates = []string{"breached", "warning", "running", "paused", "met"}

// slaFilters adds the SLA state filter and, sorting by due time, keeps
// the tickets that have one (the partial index tickets_sla_due).
func slaFilters(w *where, f Filter, c *domain.Check) {
	if f.SLA != "" {
		c.Require(slices.Contains(slaStates, f.SLA), "sla", "must be one of "+strings.Join(slaStates, ", "))
		w.add("t.sla_state = " + w.arg(f.SLA))
	}
	ts, ok := timeSorts[f.Sort]
	switch {
	case f.Sort == "":
		if f.noDue {
			w.add("t.sla_due_at IS NULL")
		}
	case ok: // a page is a range of the sort's partial or full index
		w.add(ts.column + " IS NOT NULL")
	default:
		c.Add("sort", "must be "+sortNames)
	}
}
