package automation

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Happened implements ticket.Automator: the rules listening to each
// happening run, in order, inside the transaction that made it.
func (s *Service) Happened(ctx context.Context, tx *db.Tx, hs []ticket.Happening) error {
	if c := ticket.CauseOf(ctx); c != nil && c.Quiet {
		return nil
	}
	set, err := s.rules(ctx)
	if err != nil || len(set) == 0 {
		return err
	}
	for _, h := range hs {
		if err := s.arm(ctx, tx, set[TimeAfter], h); err != nil {
			return err
		}
		if err := s.run(ctx, tx, set[h.Event], h); err != nil {
			return err
		}
	}
	return nil
}

// run evaluates rules for one happening.
func (s *Service) run(ctx context.Context, tx *db.Tx, rules []*compiled, h ticket.Happening) error {
	cause := ticket.CauseOf(ctx)
	var f *facts
	var memo *factMemo // made with the first facts: most happenings find no rule listening
	for _, r := range rules {
		if cause != nil && !r.When.AfterRules || !r.listens(h) {
			continue // a rule's own changes trigger only the rules that ask for them
		}
		if f == nil {
			t, err := s.Tickets.FactsTx(ctx, tx, h.TicketID)
			if err != nil {
				return err
			}
			if memo == nil {
				memo = newMemo()
			}
			f = &facts{s: s, ctx: ctx, q: tx, t: t, h: h, memo: memo}
		}
		if !r.inScope(f.t) {
			continue
		}
		ok, err := r.matches(f)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		fired, err := s.guarded(ctx, tx, r, h, cause)
		if err != nil {
			return err
		}
		if fired {
			f = nil // the rule changed the ticket: read it again
		}
	}
	return nil
}

// guarded fires r unless a loop guard stops it, and reports whether it fired.
func (s *Service) guarded(ctx context.Context, tx *db.Tx, r *compiled, h ticket.Happening, cause *ticket.Cause) (bool, error) {
	if cause != nil && (cause.Fired[r.ID] || cause.Depth >= maxDepth) {
		why := fmt.Sprintf("Rule %q stopped: it would have fired again in the chain of rules that rule %q started.", r.Name, cause.RuleName)
		if !cause.Fired[r.ID] {
			why = fmt.Sprintf("Rule %q stopped: rules triggering rules may go %d levels deep.", r.Name, maxDepth)
		}
		return false, s.note(ctx, tx, h.TicketID, why)
	}
	stopped, err := s.stoppedFor(ctx, tx, r, h.TicketID)
	if err != nil || stopped {
		return false, err
	}
	return true, s.fire(ctx, tx, r, h, cause)
}

// fire runs r's actions with its cause and records the firing.
func (s *Service) fire(ctx context.Context, tx *db.Tx, r *compiled, h ticket.Happening, cause *ticket.Cause) error {
	next := &ticket.Cause{RuleID: r.ID, RuleName: r.Name, Depth: 1, Fired: map[int64]bool{r.ID: true}, Mail: h.Mail}
	if cause != nil {
		next.Depth = cause.Depth + 1
		maps.Copy(next.Fired, cause.Fired)
		if next.Mail == nil {
			next.Mail = cause.Mail
		}
	}
	actx := ticket.WithCause(ctx, next)
	var did, unseen []string
	for _, a := range r.Then {
		what, err := s.act(actx, tx, r, a, h)
		if err != nil {
			return fmt.Errorf("rule %q: %w", r.Name, err)
		}
		if what == "" {
			continue
		}
		did = append(did, what)
		if a.Action == "mail_customer" || a.Action == "notify" || a.Action == "call_webhook" {
			unseen = append(unseen, what) // the other actions write their own history
		}
	}
	if len(unseen) > 0 {
		if err := s.Tickets.RecordRule(ctx, tx, h.TicketID, r.Name, joinDid(unseen)); err != nil {
			return err
		}
	}
	return record(ctx, tx, r.ID, h, did)
}

func record(ctx context.Context, tx *db.Tx, ruleID int64, h ticket.Happening, did []string) error {
	summary := "did nothing (already so)"
	if len(did) > 0 {
		summary = joinDid(did)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO rule_firings (rule_id, ticket_id, event, summary, fired_at)
		VALUES ($1, $2, $3, $4, $5)`, ruleID, h.TicketID, h.Event, summary, db.Now())
	return err
}

func joinDid(did []string) string {
	out := did[0]
	for _, d := range did[1:] {
		out += "; " + d
	}
	return out
}

// listens reports whether h is the event r waits for, narrowed.
func (r *compiled) listens(h ticket.Happening) bool {
	w := r.When
	switch {
	case len(w.Channels) > 0 && !slices.Contains(w.Channels, string(h.Channel)):
		return false
	case len(w.Fields) > 0 && !overlaps(w.Fields, h.Fields):
		return false
	case r.status != 0 && r.status != h.StatusID, w.Closing && !h.Closes:
		return false
	}
	return true
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func (r *compiled) inScope(t ticket.Ticket) bool {
	sc := r.Scope
	return (r.pipeline == 0 || r.pipeline == t.PipelineID) && (sc.Team == 0 || sc.Team == t.Team.ID) &&
		(sc.Channel == "" || sc.Channel == string(t.Channel))
}
