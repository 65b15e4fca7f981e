package automation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// facts is what conditions read of one ticket at one happening; the
// contact's company and the business hours are read only when asked, and
// once per event (memo) however many rules ask.
type facts struct {
	s    *Service
	ctx  context.Context
	q    db.Querier
	t    ticket.Ticket
	h    ticket.Happening
	memo *factMemo
}

// factMemo keeps what conditions read beyond the ticket: each contact's
// company and each team's business hours, by id.
type factMemo struct {
	company, open map[int64]any
}

func newMemo() *factMemo { return &factMemo{company: map[int64]any{}, open: map[int64]any{}} }

// remember returns m[id], or reads it with read and keeps it.
func remember(m map[int64]any, id int64, read func() (any, error)) (any, error) {
	if v, ok := m[id]; ok {
		return v, nil
	}
	v, err := read()
	if err == nil {
		m[id] = v
	}
	return v, err
}

// matches reports whether every group has a condition that holds.
func (r *compiled) matches(f *facts) (bool, error) {
	for _, group := range r.If {
		any := false
		for _, c := range group {
			v, err := f.value(c.Field)
			if err != nil {
				return false, err
			}
			if holds(v, c.Op, c.Value) {
				any = true
				break
			}
		}
		if !any {
			return false, nil
		}
	}
	return true, nil
}

// value is a field's value: []string for text (the first is what
// contains reads, the others are aliases: a team's slug, name and id), a
// float64, a bool, a tag list as list, or nil when unset.
func (f *facts) value(field string) (any, error) {
	t := f.t
	switch field {
	case "status":
		return []string{t.Status.Name, itoa(t.Status.ID)}, nil
	case "priority":
		return float64(t.Priority), nil
	case "team":
		return []string{t.Team.Name, t.Team.Slug, itoa(t.Team.ID)}, nil
	case "assignee":
		if t.Assignee == nil {
			return nil, nil
		}
		return []string{t.Assignee.Name, t.Assignee.Email, itoa(t.Assignee.ID)}, nil
	case "tags":
		return list(t.Tags), nil
	case "subject":
		return []string{t.Subject}, nil
	case "channel":
		return []string{string(t.Channel)}, nil
	case "pipeline":
		return float64(t.PipelineID), nil
	case "contact.email":
		return text(t.Contact.Email), nil
	case "contact.name":
		return text(t.Contact.Name), nil
	case "contact.company":
		return remember(f.memo.company, t.Contact.ID, f.company)
	case "actor":
		return []string{f.h.Actor}, nil
	case "inside_business_hours":
		return remember(f.memo.open, t.Team.ID, f.inHours)
	}
	if f.t.Custom == nil { // read once, when a condition first asks
		values, err := f.s.Tickets.CustomTx(f.ctx, f.q, t.ID, t.PipelineID)
		if err != nil {
			return nil, err
		}
		f.t.Custom = values
	}
	return custom(f.t.Custom[strings.TrimPrefix(field, "fields.")]), nil
}

// list marks a tag list: is and contains test membership.
type list []string

func text(s string) any {
	if s == "" {
		return nil
	}
	return []string{s}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func custom(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return text(x)
	case []string:
		return list(x)
	case []any:
		out := list{}
		for _, e := range x {
			out = append(out, fmt.Sprint(e))
		}
		return out
	case int64:
		return float64(x)
	case int:
		return float64(x)
	}
	return v
}

func (f *facts) company() (any, error) {
	var name sql.Null[string]
	err := f.q.QueryRowContext(f.ctx, `SELECT co.name FROM contacts c JOIN companies co ON co.id = c.company_id
		WHERE c.id = $1`, f.t.Contact.ID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return text(name.V), err
}

// inHours reports whether now is inside the ticket's team's business
// hours; a team without a calendar is always open.
func (f *facts) inHours() (any, error) {
	var cal sql.Null[int64]
	if err := f.q.QueryRowContext(f.ctx, `SELECT calendar_id FROM teams WHERE id = $1`, f.t.Team.ID).Scan(&cal); err != nil {
		return nil, err
	}
	if !cal.Valid || f.s.Calendars == nil {
		return true, nil
	}
	rec, err := f.s.Calendars.Get(f.ctx, cal.V)
	if err != nil {
		return nil, err
	}
	c, err := rec.Calendar()
	if err != nil {
		return nil, err
	}
	return c.Open(db.Now()), nil
}

// holds applies op to a fact and a condition's value.
func holds(fact any, op string, want any) bool {
	switch op {
	case "is_set":
		return isSet(fact)
	case "is_not_set":
		return !isSet(fact)
	case "is":
		return equals(fact, want)
	case "is_not":
		return !equals(fact, want)
	case "in":
		items, _ := want.([]any)
		for _, w := range items {
			if equals(fact, w) {
				return true
			}
		}
		return false
	case "contains":
		return contains(fact, want)
	case "gt", "lt":
		a, ok1 := number(fact)
		b, ok2 := number(want)
		return ok1 && ok2 && (op == "gt" && a > b || op == "lt" && a < b)
	}
	return false
}

func isSet(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case list:
		return len(x) > 0
	case bool:
		return x
	}
	return true
}

func equals(fact, want any) bool {
	w := fmt.Sprint(want)
	switch x := fact.(type) {
	case []string:
		for _, alias := range x {
			if strings.EqualFold(alias, w) {
				return true
			}
		}
		return false
	case list:
		for _, e := range x {
			if strings.EqualFold(e, w) {
				return true
			}
		}
		return false
	case float64:
		n, ok := number(want)
		return ok && n == x
	case bool:
		b, ok := want.(bool)
		return ok && b == x
	case nil:
		return want == nil || w == ""
	}
	return false
}

func contains(fact, want any) bool {
	w := strings.ToLower(fmt.Sprint(want))
	switch x := fact.(type) {
	case []string:
		return strings.Contains(strings.ToLower(x[0]), w)
	case list:
		return equals(x, want)
	}
	return false
}
