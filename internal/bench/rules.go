package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/automation"
)

// benchRule names the rules the benchmarks add, to find and remove them.
const benchRule = "bench rule"

// CreateRulesOverhead is API ticket creation with 50 enabled rules
// listening to new tickets and without them, in turns, rounds runs of d
// each. The rules are what a busy install has: each scoped to a team or
// to all, with two condition groups (the priority; a mid-frequency word
// in the subject or a tag) and a tag to add: every creation evaluates
// them, and a few fire (the result says how many firings in all).
func CreateRulesOverhead(ctx context.Context, s *app.Services, g *generator, clients, rounds int, d time.Duration) ([]Result, error) {
	rules, err := addCreationRules(ctx, s, g, 50)
	if err != nil {
		return nil, err
	}
	defer removeBenchRules(ctx, s)
	var rates [2][]float64
	var last [2]Result
	var fired, made int
	var first ids
	count := func() error { // the run's tickets and firings, before they are removed
		var f, m int
		err := s.DB.Read.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM rule_firings f JOIN rules r ON r.id = f.rule_id
			WHERE r.name LIKE $1), (SELECT count(*) FROM tickets WHERE id > $2)`, benchRule+"%", first.ticket).Scan(&f, &m)
		fired, made = fired+f, made+m
		return err
	}
	for i := range 2 * rounds {
		mode := i % 2
		if err := switchRules(ctx, s, rules, mode == 0); err != nil {
			return nil, err
		}
		if first, err = lastIDs(ctx, s); err != nil {
			return nil, err
		}
		var r Result
		var err error
		if mode == 0 {
			r, err = createThroughput(ctx, s, g, clients, d, count)
		} else {
			r, err = CreateThroughput(ctx, s, g, clients, d)
		}
		if err != nil {
			return nil, err
		}
		rates[mode], last[mode] = append(rates[mode], r.PerSecond), r
	}
	names := [2]string{fmt.Sprintf("with 50 rules on (%.2f firings per ticket)", float64(fired)/float64(max(made, 1))),
		"with those rules off"}
	return inTurns(names, rates, last, clients, rounds, d, "50 rules cost <= 15%% of the rate: %.1f%%"), nil
}

// addCreationRules saves n rules on ticket_created, switched off.
func addCreationRules(ctx context.Context, s *app.Services, g *generator, n int) ([]int64, error) {
	removeBenchRules(ctx, s)
	var ids []int64
	for i := range n {
		r := automation.Rule{Name: fmt.Sprintf("%s %d", benchRule, i), When: automation.When{Event: "ticket_created"},
			If: [][]automation.Cond{{{Field: "priority", Op: "is", Value: i % 4}},
				{{Field: "subject", Op: "contains", Value: g.vocab.Rank(40 + i)}, {Field: "tags", Op: "contains", Value: "vip"}}},
			Then: []automation.Action{{Action: "add_tags", Tags: []string{fmt.Sprintf("rule-%d", i)}}}}
		if i%2 == 1 {
			r.Scope.Team = g.teams[i%len(g.teams)]
		}
		saved, err := s.Automations.Create(ctx, r)
		if err != nil {
			return nil, err
		}
		ids = append(ids, saved.ID)
	}
	return ids, nil
}

func switchRules(ctx context.Context, s *app.Services, ids []int64, on bool) error {
	for _, id := range ids {
		if _, err := s.DB.Write.ExecContext(ctx, `UPDATE rules SET enabled = $2 WHERE id = $1`, id, on); err != nil {
			return err
		}
	}
	s.Automations.Forget()
	return nil
}

// removeBenchRules deletes the rules a benchmark added (with their
// firings and timers); what they did to tickets stays.
func removeBenchRules(ctx context.Context, s *app.Services) {
	_, _ = s.DB.Write.ExecContext(ctx, `DELETE FROM rules WHERE name LIKE $1`, benchRule+"%")
	s.Automations.Forget()
}

// TimeRules arms one time rule on every ticket of the database, due of
// them due now (their anchor is their creation, a week ago or more; the
// others' anchor lies a day ahead), and times the real worker from its
// start until every due timer has fired. The rule tags the ticket, a
// change with its history like any other. Timers are written by SQL, in
// one statement: arming on save covers open tickets only, and the point
// is a table of timers as large as the ticket table.
func TimeRules(ctx context.Context, s *app.Services, due int) (Result, error) {
	removeBenchRules(ctx, s)
	defer removeBenchRules(ctx, s)
	untag := func() { _, _ = s.DB.Write.ExecContext(ctx, `DELETE FROM ticket_tags WHERE tag = 'stale'`) }
	untag() // a run tags the same tickets as the one before: each must tag them anew
	defer untag()
	r, err := s.Automations.Create(ctx, automation.Rule{Name: benchRule + " stale", When: automation.When{Event: "time_after",
		Anchor: "created", After: "7d"}, Then: []automation.Action{{Action: "add_tags", Tags: []string{"stale"}}}})
	if err != nil {
		return Result{}, err
	}
	armed, err := armTimers(ctx, s, r.ID, due)
	if err != nil {
		return Result{}, err
	}
	if _, err := s.DB.Write.ExecContext(ctx, `UPDATE rules SET enabled = TRUE WHERE id = $1`, r.ID); err != nil {
		return Result{}, err
	}
	s.Automations.Forget()
	elapsed, err := fireAll(ctx, s, r.ID)
	if err != nil {
		return Result{}, err
	}
	res := Result{Name: fmt.Sprintf("time rule: %d timers, %d due at once, fired by one worker", armed, due),
		Target: "100,000 due of 1,000,000 fire within 5 min", N: due,
		P50: elapsed, P95: elapsed, P99: elapsed, PerSecond: float64(due) / elapsed.Seconds()}
	return res, nil
}

// armTimers writes a timer for every ticket: the due lowest ids (of the
// open tickets, so the rule's change is a real one) with their creation
// as anchor, the rest a day ahead. It returns how many it wrote.
func armTimers(ctx context.Context, s *app.Services, ruleID int64, due int) (int, error) {
	ahead := time.Now().UTC().Add(24 * time.Hour)
	_, err := s.DB.Write.ExecContext(ctx, `INSERT INTO rule_timers (rule_id, ticket_id, anchor_at)
		SELECT $1, t.id, t.created_at FROM tickets t WHERE t.is_open AND t.created_at < $2 ORDER BY t.id LIMIT $3`,
		ruleID, time.Now().UTC().Add(-8*24*time.Hour), due)
	if err != nil {
		return 0, err
	}
	_, err = s.DB.Write.ExecContext(ctx, `INSERT INTO rule_timers (rule_id, ticket_id, anchor_at)
		SELECT $1, t.id, $2 FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM rule_timers rt WHERE rt.rule_id = $1
		AND rt.ticket_id = t.id)`, ruleID, ahead)
	if err != nil {
		return 0, err
	}
	var n int
	err = s.DB.Read.QueryRowContext(ctx, `SELECT count(*) FROM rule_timers WHERE rule_id = $1`, ruleID).Scan(&n)
	return n, err
}

// fireAll runs the automation worker until no timer of rule ruleID is
// due, and returns how long that took.
func fireAll(ctx context.Context, s *app.Services, ruleID int64) (time.Duration, error) {
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	start := time.Now()
	go (&automation.Worker{S: s.Automations, Log: quietLog()}).Run(wctx)
	for {
		var left int
		err := s.DB.Read.QueryRowContext(ctx, `SELECT count(*) FROM rule_timers WHERE rule_id = $1 AND fired_at IS NULL
			AND anchor_at <= $2`, ruleID, time.Now().UTC().Add(-7*24*time.Hour)).Scan(&left)
		if err != nil {
			return 0, err
		}
		if left == 0 {
			return time.Since(start), nil
		}
		time.Sleep(time.Second)
	}
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
