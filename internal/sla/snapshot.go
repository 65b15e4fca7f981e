package sla

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/db"
)

// snapshot is everything needed to choose and time a ticket's policy:
// the policies in order, each built on every calendar it may count in.
// It is rebuilt when a policy, calendar or team changes (see key), so
// every node sees a change at its next ticket change.
type snapshot struct {
	key      string
	policies []Record
	teamCal  map[int64]int64              // team id -> calendar id (0: none)
	cals     map[int64]*calendar.Calendar // by id; 0 is round the clock
	built    map[[2]int64]*Policy         // (policy id, calendar id)
	// needTags, needCompany: some selector reads them, so they are loaded.
	needTags, needCompany bool
}

// snapshotCache keeps the snapshot, checked against the database at most
// once per checkEvery: a change made through this node drops it at once
// (Changed), one made on another node is seen within checkEvery, before
// the recomputation it queued starts.
type snapshotCache struct {
	mu      sync.Mutex
	snap    *snapshot
	checked time.Time
}

const checkEvery = time.Second

func (c *snapshotCache) drop() {
	c.mu.Lock()
	c.snap = nil
	c.mu.Unlock()
}

// keyQuery changes whenever a policy, a calendar or a team is written or
// deleted: counts catch deletions, the latest updated_at the rest.
const keyQuery = `SELECT (SELECT count(*) FROM sla_policies), (SELECT max(updated_at) FROM sla_policies),
	(SELECT count(*) FROM calendars), (SELECT max(updated_at) FROM calendars),
	(SELECT count(*) FROM teams), (SELECT max(updated_at) FROM teams)`

func (s *Service) snapshot(ctx context.Context, q db.Querier) (*snapshot, error) {
	s.cache.mu.Lock()
	if s.cache.snap != nil && time.Since(s.cache.checked) < checkEvery {
		defer s.cache.mu.Unlock()
		return s.cache.snap, nil
	}
	s.cache.mu.Unlock()
	var k [6]any
	if err := q.QueryRowContext(ctx, keyQuery).Scan(&k[0], &k[1], &k[2], &k[3], &k[4], &k[5]); err != nil {
		return nil, err
	}
	key := fmt.Sprint(k)
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if s.cache.snap != nil && s.cache.snap.key == key {
		s.cache.checked = time.Now()
		return s.cache.snap, nil
	}
	snap, err := load(ctx, q)
	if err != nil {
		return nil, err
	}
	snap.key = key
	s.cache.snap, s.cache.checked = snap, time.Now()
	return snap, nil
}

func load(ctx context.Context, q db.Querier) (*snapshot, error) {
	policies, err := list(ctx, q)
	if err != nil {
		return nil, err
	}
	snap := &snapshot{policies: policies, teamCal: map[int64]int64{}, built: map[[2]int64]*Policy{},
		cals: map[int64]*calendar.Calendar{0: calendar.Always(time.UTC)}}
	if err := snap.loadCalendars(ctx, q); err != nil {
		return nil, err
	}
	for _, r := range policies {
		snap.needTags = snap.needTags || len(r.Match.Tags) > 0
		snap.needCompany = snap.needCompany || len(r.Match.Companies) > 0
		for calID, cal := range snap.cals {
			if r.CalendarID != nil && *r.CalendarID != calID {
				continue
			}
			if p, err := build(r, cal); err == nil {
				snap.built[[2]int64{r.ID, calID}] = p
			}
		}
	}
	return snap, nil
}

func (snap *snapshot) loadCalendars(ctx context.Context, q db.Querier) error {
	rows, err := q.QueryContext(ctx, `SELECT id, COALESCE(calendar_id, 0) FROM teams`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var team, cal int64
		if err := rows.Scan(&team, &cal); err != nil {
			rows.Close()
			return err
		}
		snap.teamCal[team] = cal
	}
	rows.Close()
	cals, err := calendarList(ctx, q)
	if err != nil {
		return err
	}
	for id, c := range cals {
		snap.cals[id] = c
	}
	return rows.Err()
}

// calendarList builds every stored calendar; one that no longer builds
// (a time zone gone from the system) counts round the clock in UTC.
func calendarList(ctx context.Context, q db.Querier) (map[int64]*calendar.Calendar, error) {
	recs, err := calendar.ListTx(ctx, q)
	if err != nil {
		return nil, err
	}
	out := map[int64]*calendar.Calendar{}
	for _, r := range recs {
		c, err := r.Calendar()
		if err != nil {
			c = calendar.Always(time.UTC)
		}
		out[r.ID] = c
	}
	return out, nil
}

func build(r Record, cal *calendar.Calendar) (*Policy, error) {
	pause := map[int64]bool{}
	for _, id := range r.PauseStatuses {
		pause[id] = true
	}
	return NewPolicy(Minutes{FirstResponse: r.Targets.FirstResponse, NextResponse: r.Targets.NextResponse,
		Resolution: r.Targets.Resolution, Warn: r.WarnMinutes}, cal, pause)
}

// choose is the first policy that selects f, and the calendar it counts
// in: its own, else the team's (0: round the clock). 0, 0: none applies.
func (snap *snapshot) choose(f Facts) (policy, cal int64) {
	for _, r := range snap.policies {
		if !r.Match.Selects(f) {
			continue
		}
		cal = snap.teamCal[f.TeamID]
		if r.CalendarID != nil {
			cal = *r.CalendarID
		}
		return r.ID, cal
	}
	return 0, 0
}

// policy is the clock policy of (policy, calendar); nil for none or a
// policy deleted since.
func (snap *snapshot) policy(policy, cal int64) *Policy {
	return snap.built[[2]int64{policy, cal}]
}

// location is where times of calendar cal are shown.
func (snap *snapshot) location(cal int64) *time.Location {
	if c := snap.cals[cal]; c != nil && c.Location() != nil {
		return c.Location()
	}
	return time.UTC
}
