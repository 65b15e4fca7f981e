package automation

import (
	"context"
	"github.com/frontdesk/frontdesk/internal/db"
	"time"

	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Firing is one time a rule fired, for its page.
type Firing struct {
	TicketID     int64     `json:"ticket_id"`
	TicketNumber int64     `json:"ticket_number"`
	Subject      string    `json:"subject"`
	Event        string    `json:"event"`
	Summary      string    `json:"summary"`
	At           time.Time `json:"fired_at"`
}

// Firings returns rule id's latest firings, newest first.
func (s *Service) Firings(ctx context.Context, id int64, limit int) ([]Firing, error) {
	rows, err := s.DB.Read.QueryContext(ctx, `SELECT f.ticket_id, t.number, t.subject, f.event, f.summary, f.fired_at
		FROM rule_firings f JOIN tickets t ON t.id = f.ticket_id WHERE f.rule_id = $1 ORDER BY f.id DESC LIMIT $2`, id, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Firing
	for rows.Next() {
		var f Firing
		if err := rows.Scan(&f.TicketID, &f.TicketNumber, &f.Subject, &f.Event, &f.Summary, &f.At); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// MatchLimit bounds how many open tickets Matching reads.
const MatchLimit = 2000

// Matching counts the open tickets in r's scope whose conditions hold
// now, reading at most MatchLimit of them (more reports true). It is what
// the rule's page shows before the rule is switched on.
func (s *Service) Matching(ctx context.Context, r Rule) (n int, more bool, err error) {
	c, err := s.compile(ctx, r)
	if err != nil {
		return 0, false, err
	}
	where, args := scopeWhere(r, 0)
	ids, err := db.Int64s(ctx, s.DB.Read, `SELECT t.id FROM tickets t WHERE `+where+` ORDER BY t.id DESC LIMIT `+itoa(MatchLimit+1), args...)
	if err != nil {
		return 0, false, err
	}
	if len(ids) > MatchLimit {
		ids, more = ids[:MatchLimit], true
	}
	memo := newMemo()
	for _, id := range ids {
		t, err := s.Tickets.Get(ctx, id)
		if err != nil {
			return 0, false, err
		}
		f := &facts{s: s, ctx: ctx, q: s.DB.Read, t: t, h: ticket.Happening{TicketID: id, Actor: ticket.ActorSystem}, memo: memo}
		ok, err := c.matches(f)
		if err != nil {
			return 0, false, err
		}
		if ok {
			n++
		}
	}
	return n, more, nil
}
