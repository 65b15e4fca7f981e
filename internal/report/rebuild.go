package report

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Rebuild empties the record and replays every ticket's history into it
// (frontdesk reports rebuild): for an install that had tickets before the
// record existed. It reads the tickets table, once, a chunk of tickets per
// transaction, and writes each chunk's roll-up rows summed; run it while
// nobody works, as a change made meanwhile may count twice. progress, if
// not nil, hears how many tickets are done.
func (s *Service) Rebuild(ctx context.Context, progress func(done int)) (int, error) {
	if err := s.DB.WithTx(ctx, func(tx *db.Tx) error { return clearRecord(ctx, tx) }); err != nil {
		return 0, err
	}
	// In the order they were created, so a chunk's facts fall on a few days:
	// they sum into fewer roll-up rows, written close together.
	ids, err := db.Int64s(ctx, s.DB.Read, `SELECT id FROM tickets ORDER BY created_at, id`)
	if err != nil {
		return 0, err
	}
	nm, err := readNames(ctx, s.DB.Read)
	if err != nil {
		return 0, err
	}
	for i := 0; i < len(ids); i += rebuildChunk {
		chunk := ids[i:min(i+rebuildChunk, len(ids))]
		err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
			if err := lockRoller(ctx, tx); err != nil {
				return err
			}
			return replayChunk(ctx, tx, chunk, nm)
		})
		if err != nil {
			return i, err
		}
		if progress != nil {
			progress(i + len(chunk))
		}
	}
	if s.DB.Dialect == db.SQLite {
		// The roll-ups grew from nothing: let SQLite's planner see them
		// (PostgreSQL's autovacuum analyzes by itself).
		for _, pragma := range []string{`PRAGMA analysis_limit = 1000`, `PRAGMA optimize`} {
			if _, err := s.DB.Write.ExecContext(ctx, pragma); err != nil {
				return len(ids), err
			}
		}
	}
	return len(ids), nil
}

// rebuildChunk is how many tickets a rebuild replays per transaction.
const rebuildChunk = 2000

// clearRecord empties the ticket part of the record. It first rolls the
// queue (under the roller's lock): the chat facts queued must stay
// counted, and the ticket facts queued are replayed from history with
// the rest, so none may be rolled again after the tables are emptied.
func clearRecord(ctx context.Context, tx *db.Tx) error {
	if err := rollAll(ctx, tx); err != nil {
		return err
	}
	for _, t := range []string{"report_events", "report_tickets", "report_days", "report_sla_days",
		"report_tag_days", "report_hour_days", "report_sum_hours", "report_sum_open",
		"report_sum_sla", "report_sla_events"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
			return err
		}
	}
	// The chat histograms (and the chat slices) share these tables and are
	// not replayed here.
	if _, err := tx.ExecContext(ctx, `DELETE FROM report_slices WHERE dim <> 'chat'`); err != nil {
		return err
	}
	// The replay writes every slice with the rest: complete from here on,
	// so a fill of them under way stops (slices_fill.go).
	for _, g := range fillGroups {
		if err := setMark(ctx, tx, g, complete); err != nil {
			return err
		}
	}
	for _, t := range []string{"report_durations", "report_sum_operator_durations"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE metric IN ($1, $2, $3, $4)`,
			firstResponseWall, firstResponseBusiness, resolutionWall, resolutionBusiness); err != nil {
			return err
		}
	}
	return nil
}

// replayChunk replays tickets ids, reading the chunk's
// tickets, histories, replies and tags in one query each, summing their
// roll-up rows in memory and writing them at the end.
func replayChunk(ctx context.Context, tx *db.Tx, ids []int64, nm names) error {
	c, err := readChunk(ctx, tx, ids)
	if err != nil {
		return err
	}
	sums := newSumSink()
	r := newRecorder(tx, sums)
	r.states = map[int64]state{}
	for _, id := range ids {
		r.tags[id] = c.tags[id]
		if err := r.replay(ctx, id, c, nm); err != nil {
			return fmt.Errorf("ticket %d: %w", id, err)
		}
	}
	return sums.flush(ctx, tx, r.states)
}

// step is one fact of a replayed history with the ticket's key after it.
type step struct {
	fact ticket.ReportFact
	key  key
}

// replay writes the facts of ticket id's history, oldest first. The key
// at each moment is walked back from today's along the history's
// from-values (a team or assignee renamed since is read as today's).
func (r *recorder) replay(ctx context.Context, id int64, c *chunk, nm names) error {
	now, ok := c.tickets[id]
	if !ok {
		return nil // deleted since the ids were read
	}
	steps := historySteps(c.history[id], now, nm.of(now.pipelineID))
	all := mergeSteps(settle(steps, now), c.replies[id])
	open := true
	for _, st := range all {
		t := now
		t.key, t.isOpen = st.key, open
		if st.fact.Kind == ticket.ReportAnswer {
			t.key = keyAt(all, st.fact.At, steps[0].key)
		}
		switch st.fact.Kind {
		case ticket.ReportClosed:
			open = false
		case ticket.ReportReopened:
			open = true
		}
		if err := r.record(ctx, id, st.fact, t); err != nil {
			return err
		}
	}
	return nil
}

// settle ends a history that leaves the ticket open while it is closed now
// (or closed while it is open now) with the missing close, at the ticket's
// close time (or the reopening, at its last update). A history can lack
// status changes: tickets imported without one, or moved in bulk when
// their status was removed. The record's open tickets are then still the
// tickets open now.
func settle(steps []step, now ticketNow) []step {
	open := true
	for _, st := range steps {
		switch st.fact.Kind {
		case ticket.ReportClosed:
			open = false
		case ticket.ReportReopened:
			open = true
		}
	}
	if open == now.isOpen {
		return steps
	}
	f := ticket.ReportFact{Kind: ticket.ReportReopened, At: now.updatedAt}
	if open {
		f.Kind = ticket.ReportClosed
		if now.closedAt != nil {
			f.At = *now.closedAt
		}
	}
	return append(steps, step{fact: f, key: now.key})
}

// keyAt is the ticket's key at time at: that of the last history step
// not after it.
func keyAt(all []step, at time.Time, first key) key {
	k := first
	for _, st := range all {
		if st.fact.At.After(at) {
			break
		}
		if st.fact.Kind != ticket.ReportAnswer {
			k = st.key
		}
	}
	return k
}

func mergeSteps(history, replies []step) []step {
	all := append(append([]step{}, history...), replies...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].fact.At.Before(all[j].fact.At) })
	return all
}

type historyEvent struct {
	kind string
	data map[string]any
	at   time.Time
}

// historySteps gives each fact of the ticket's history the key the ticket
// had just after it.
func historySteps(events []historyEvent, now ticketNow, names names) []step {
	keys := make([]key, len(events))
	k := now.key
	for i := len(events) - 1; i >= 0; i-- {
		keys[i] = k
		k = names.before(k, events[i])
	}
	var out []step
	for i, e := range events {
		kind := names.factOf(e)
		if kind == "" {
			continue
		}
		at := e.at
		if kind == ticket.ReportCreated {
			at = now.createdAt
		}
		out = append(out, step{fact: ticket.ReportFact{Kind: kind, At: at}, key: keys[i]})
	}
	if len(out) == 0 || out[0].fact.Kind != ticket.ReportCreated {
		out = append([]step{{fact: ticket.ReportFact{Kind: ticket.ReportCreated, At: now.createdAt}, key: k}}, out...)
	}
	return out
}
