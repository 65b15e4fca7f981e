package automation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// anchorExpr is a ticket t's anchor value as SQL. Rows are copied from
// these columns as they are, so an anchor compares equal to the column it
// came from on both engines.
var anchorExpr = map[string]string{
	"created":               `t.created_at`,
	"last_customer_message": `t.last_customer_activity_at`,
	"sla_due":               `t.sla_due_at`,
	"status_entered": `(SELECT e.created_at FROM ticket_events e WHERE e.ticket_id = t.id
		AND e.kind IN ('created', 'status', 'reopened') ORDER BY e.id DESC LIMIT 1)`,
	"last_public_answer": `(SELECT m.created_at FROM messages m WHERE m.ticket_id = t.id AND m.kind = 'reply'
		ORDER BY m.id DESC LIMIT 1)`,
}

// anchorEvents are the happenings that may set each anchor. The SLA
// tells of a moved due time itself (ticket.HappenedSLADue), after storing
// it; a date field's anchor moves with an update of that field.
var anchorEvents = map[string][]string{
	"created":               {ticket.HappenedCreated},
	"status_entered":        {ticket.HappenedCreated, ticket.HappenedStatusEntered},
	"last_customer_message": {ticket.HappenedCreated, ticket.HappenedCustomerReplied},
	"last_public_answer":    {ticket.HappenedAnswerSent},
	"sla_due":               {ticket.HappenedCreated, ticket.HappenedSLADue},
}

// dateAnchor is a date field's value (YYYY-MM-DD) as the start of that
// day in UTC, written as each engine writes a time, so that the anchor
// compares equal to the rule_timers row made from it.
var dateAnchor = map[db.Dialect]string{
	db.SQLite: `(SELECT v.value || ' 00:00:00+00:00' FROM ticket_values v WHERE v.ticket_id = t.id AND v.field_id = %d)`,
	db.Postgres: `(SELECT CAST(v.value || ' 00:00:00+00' AS TIMESTAMPTZ) FROM ticket_values v
		WHERE v.ticket_id = t.id AND v.field_id = %d)`,
}

// anchorSQL is anchor as SQL over ticket t: a column, or a date field's
// value (fields.<name>). A field deleted since arms nothing.
func anchorSQL(ctx context.Context, q db.Querier, dialect db.Dialect, anchor string) (string, error) {
	if expr, ok := anchorExpr[anchor]; ok {
		return expr, nil
	}
	name, ok := strings.CutPrefix(anchor, "fields.")
	if !ok {
		return "", fmt.Errorf("unknown anchor %q", anchor)
	}
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM custom_fields WHERE name = $1 AND type = 'date'`, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "NULL", nil
	}
	return fmt.Sprintf(dateAnchor[dialect], id), err
}

// moves reports whether h may have set r's anchor.
func (r *compiled) moves(h ticket.Happening) bool {
	if h.Event == TimeAfter {
		return false
	}
	if strings.HasPrefix(r.When.Anchor, "fields.") {
		return h.Event == ticket.HappenedCreated || h.Event == ticket.HappenedUpdated && slices.Contains(h.Fields, r.When.Anchor)
	}
	evs, ok := anchorEvents[r.When.Anchor]
	return !ok || slices.Contains(evs, h.Event)
}

const armSQL = `INSERT INTO rule_timers (rule_id, ticket_id, anchor_at) SELECT $1, t.id, %[1]s FROM tickets t
	WHERE %[2]s AND %[1]s IS NOT NULL ON CONFLICT DO NOTHING`

// arm starts the time rules whose anchor h may have set: a row keyed by
// (rule, ticket, anchor value), so a new anchor value arms the rule again
// and the same one never twice.
func (s *Service) arm(ctx context.Context, tx *db.Tx, rules []*compiled, h ticket.Happening) error {
	for _, r := range rules {
		if !r.moves(h) {
			continue
		}
		where, args := scopeWhere(r.Rule, 1, h.TicketID)
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(armSQL, r.anchor, where+` AND t.id = $2`),
			append([]any{r.ID}, args...)...); err != nil {
			return err
		}
	}
	return nil
}

// scopeWhere is the SQL for the open tickets in r's scope and its
// arguments: first, then the scope's, numbered after offset others.
func scopeWhere(r Rule, offset int, first ...any) (string, []any) {
	args := first
	where := `t.is_open`
	add := func(col string, v any) {
		args = append(args, v)
		where += fmt.Sprintf(` AND %s = $%d`, col, offset+len(args))
	}
	if r.Scope.Pipeline != 0 {
		add("t.pipeline_id", r.Scope.Pipeline)
	}
	if r.Scope.Team != 0 {
		add("t.team_id", r.Scope.Team)
	}
	if r.Scope.Channel != "" {
		add("t.channel", r.Scope.Channel)
	}
	return where, args
}

// armExisting arms a saved time rule for the open tickets in its scope,
// in one statement: tickets opened later are armed as their anchors are
// set.
func (s *Service) armExisting(ctx context.Context, tx *db.Tx, r Rule) error {
	if !r.Enabled || r.When.Event != TimeAfter {
		return nil
	}
	anchor, err := anchorSQL(ctx, tx, s.DB.Dialect, r.When.Anchor)
	if err != nil {
		return err
	}
	where, args := scopeWhere(r, 1)
	_, err = tx.ExecContext(ctx, fmt.Sprintf(armSQL, anchor, where), append([]any{r.ID}, args...)...)
	return err
}

// TimerBatch is how many due timers one transaction fires.
const TimerBatch = 200

// dueTimers claims a time rule's due timers; current says whether the
// ticket's anchor still has the value the timer was armed with.
const dueTimers = `SELECT rt.ticket_id, rt.anchor_at, CASE WHEN %s = rt.anchor_at THEN 1 ELSE 0 END
	FROM rule_timers rt JOIN tickets t ON t.id = rt.ticket_id
	WHERE rt.rule_id = $1 AND rt.fired_at IS NULL AND rt.anchor_at <= $2 ORDER BY rt.anchor_at LIMIT $3`

// FireDue fires every time rule's due timers, a batch per rule and
// transaction, and returns how many it took. On PostgreSQL the timers are
// locked and others skipped, so two nodes never take the same one; the
// fired_at mark commits with the rule's work.
func (s *Service) FireDue(ctx context.Context) (int, error) {
	set, err := s.rules(ctx)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, r := range set[TimeAfter] {
		n, err := s.fireRule(ctx, r)
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

type timer struct {
	ticket  int64
	anchor  time.Time
	current bool
}

func (s *Service) fireRule(ctx context.Context, r *compiled) (int, error) {
	query := fmt.Sprintf(dueTimers, r.anchor)
	if s.DB.Dialect == db.Postgres {
		query += ` FOR UPDATE OF rt SKIP LOCKED`
	}
	var n int
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		ts, err := claimTimers(ctx, tx, query, r.ID, db.Now().Add(-r.after))
		n = len(ts)
		if err != nil {
			return err
		}
		for _, t := range ts {
			if err := s.fireTimer(ctx, tx, r, t); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

func claimTimers(ctx context.Context, tx *db.Tx, query string, ruleID int64, cutoff time.Time) ([]timer, error) {
	rows, err := tx.QueryContext(ctx, query, ruleID, cutoff, TimerBatch)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []timer
	for rows.Next() {
		var t timer
		var current int
		if err := rows.Scan(&t.ticket, &t.anchor, &current); err != nil {
			return nil, err
		}
		t.current = current == 1
		out = append(out, t)
	}
	return out, rows.Err()
}

// fireTimer runs r for one timer whose anchor is still current, and marks
// the timer done either way.
func (s *Service) fireTimer(ctx context.Context, tx *db.Tx, r *compiled, tm timer) error {
	if tm.current {
		h := ticket.Happening{Event: TimeAfter, TicketID: tm.ticket, Actor: ticket.ActorSystem}
		if err := s.run(ctx, tx, []*compiled{r}, h); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE rule_timers SET fired_at = $4 WHERE rule_id = $1 AND ticket_id = $2
		AND anchor_at = $3`, r.ID, tm.ticket, tm.anchor, db.Now())
	return err
}
