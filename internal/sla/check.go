package sla

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// channels are the ticket channels a selector may name.
var channels = []string{"email", "web_form", "widget", "chat", "manual", "api"}

// Limits on what a policy holds.
const (
	maxName = 100
	maxTag  = 50
	maxList = 100
)

// check validates in against the database (teams, calendars, companies
// and statuses must exist) and returns it cleaned: trimmed name, lower-case
// tags, and the default pause statuses filled in. Every problem is on its
// field, all at once.
func check(ctx context.Context, q db.Querier, in Input) (Input, error) {
	var c domain.Check
	in.Name = strings.TrimSpace(in.Name)
	c.Line("name", in.Name)
	c.Require(in.Name != "", "name", "is required")
	c.Require(!domain.TooLong(in.Name, maxName), "name", fmt.Sprintf("must be at most %d characters", maxName))
	c.Require(in.Position >= 0, "position", "must be 1 or more (or left out: last)")
	in.Match = cleanMatch(in.Match, &c)
	pipelines, err := existing(ctx, q, &c, "match.teams", "team", `SELECT id, pipeline_id FROM teams WHERE id = $1`, in.Match.Teams)
	if err != nil {
		return in, err
	}
	if _, err := existing(ctx, q, &c, "match.companies", "company", `SELECT id, 0 FROM companies WHERE id = $1`, in.Match.Companies); err != nil {
		return in, err
	}
	if in.CalendarID != nil {
		if _, err := existing(ctx, q, &c, "calendar_id", "calendar", `SELECT id, 0 FROM calendars WHERE id = $1`, []int64{*in.CalendarID}); err != nil {
			return in, err
		}
	}
	if in.PauseStatuses, err = pauseStatuses(ctx, q, &c, in.PauseStatuses, pipelines); err != nil {
		return in, err
	}
	m := Minutes{FirstResponse: in.Targets.FirstResponse, NextResponse: in.Targets.NextResponse,
		Resolution: in.Targets.Resolution, Warn: in.WarnMinutes}
	_ = c.Merge("", func() error { _, err := NewPolicy(m, calendar.Always(time.UTC), nil); return err }())
	return in, c.Err()
}

func cleanMatch(m Match, c *domain.Check) Match {
	for i, p := range m.Priorities {
		c.Require(p >= 0 && p <= 3, fmt.Sprintf("match.priorities[%d]", i), fmt.Sprintf("%d is not a priority: use 0 (low), 1, 2 or 3 (urgent)", p))
	}
	for i, ch := range m.Channels {
		c.Require(slices.Contains(channels, ch), fmt.Sprintf("match.channels[%d]", i),
			fmt.Sprintf("%q is not a channel: use %s", ch, strings.Join(channels, ", ")))
	}
	tags := []string{}
	for i, t := range m.Tags {
		t = strings.ToLower(strings.TrimSpace(t))
		c.Line(fmt.Sprintf("match.tags[%d]", i), t)
		c.Require(t != "" && !domain.TooLong(t, maxTag), fmt.Sprintf("match.tags[%d]", i), fmt.Sprintf("must be 1 to %d characters", maxTag))
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	m.Tags = tags
	for field, n := range map[string]int{"teams": len(m.Teams), "priorities": len(m.Priorities), "tags": len(m.Tags),
		"channels": len(m.Channels), "companies": len(m.Companies)} {
		c.Require(n <= maxList, "match."+field, fmt.Sprintf("at most %d", maxList))
	}
	m.Teams, m.Priorities, m.Channels, m.Companies = orEmpty(m.Teams), orEmpty(m.Priorities), orEmpty(m.Channels), orEmpty(m.Companies)
	return m
}

func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// existing checks that each id names a row (query returns id and a second
// number, which it collects: a team's pipeline).
func existing(ctx context.Context, q db.Querier, c *domain.Check, field, what, query string, ids []int64) ([]int64, error) {
	var seconds []int64
	for i, id := range ids {
		var got, second int64
		err := q.QueryRowContext(ctx, query, id).Scan(&got, &second)
		if noRows(err) {
			f := field
			if field != "calendar_id" {
				f = fmt.Sprintf("%s[%d]", field, i)
			}
			c.Add(f, fmt.Sprintf("no %s with id %d", what, id))
			continue
		}
		if err != nil {
			return nil, err
		}
		if !slices.Contains(seconds, second) {
			seconds = append(seconds, second)
		}
	}
	return seconds, nil
}

// pauseStatuses checks the pause statuses against the pipelines of the
// selected teams (any pipeline when the policy names no team); nil gives
// the default, the statuses named "Waiting" of those pipelines.
func pauseStatuses(ctx context.Context, q db.Querier, c *domain.Check, ids, pipelines []int64) ([]int64, error) {
	if ids == nil {
		return waitingStatuses(ctx, q, pipelines)
	}
	out := []int64{}
	for i, id := range ids {
		var pipeline int64
		var name, pipelineName string
		err := q.QueryRowContext(ctx, `SELECT s.pipeline_id, s.name, p.name FROM statuses s
			JOIN pipelines p ON p.id = s.pipeline_id WHERE s.id = $1`, id).Scan(&pipeline, &name, &pipelineName)
		field := fmt.Sprintf("pause_statuses[%d]", i)
		switch {
		case noRows(err):
			c.Add(field, fmt.Sprintf("no status with id %d", id))
		case err != nil:
			return nil, err
		case len(pipelines) > 0 && !slices.Contains(pipelines, pipeline):
			c.Add(field, fmt.Sprintf("status %q belongs to pipeline %q, which none of this policy's teams uses", name, pipelineName))
		case !slices.Contains(out, id):
			out = append(out, id)
		}
	}
	return out, nil
}

func waitingStatuses(ctx context.Context, q db.Querier, pipelines []int64) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, pipeline_id FROM statuses WHERE lower(name) = 'waiting' ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []int64{}
	for rows.Next() {
		var id, pipeline int64
		if err := rows.Scan(&id, &pipeline); err != nil {
			return nil, err
		}
		if len(pipelines) == 0 || slices.Contains(pipelines, pipeline) {
			out = append(out, id)
		}
	}
	return out, rows.Err()
}

func noRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
