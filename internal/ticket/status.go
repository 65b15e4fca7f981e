package ticket

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
)

// planTeamAndStatus handles the two fields that depend on each other: a
// new team may bring a new pipeline, and the status must belong to the
// ticket's pipeline. Moving to a team with another pipeline without naming
// a status lands the ticket in that pipeline's first status of its kind.
func (s *Service) planTeamAndStatus(ctx context.Context, tx *db.Tx, t Ticket, p Patch, c *domain.Check) ([]change, error) {
	var out []change
	pipelineID := t.PipelineID
	if p.Team != nil && badRef(c, "team", *p.Team) {
		return nil, nil
	}
	if p.Team != nil && strings.TrimSpace(*p.Team) != idString(t.Team.ID) && !strings.EqualFold(*p.Team, t.Team.Slug) {
		next, err := s.Teams.Find(ctx, tx, *p.Team)
		if errors.Is(err, domain.ErrNotFound) {
			c.Add("team", fmt.Sprintf("no team with id or slug %q", *p.Team))
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if next.PipelineID != t.PipelineID {
			if err := s.mayEnter(ctx, tx, next.PipelineID, p.ActorID); err != nil {
				return nil, err
			}
		}
		out = append(out, teamChange(t, next))
		pipelineID = next.PipelineID
	}
	pl, err := s.Pipelines.GetTx(ctx, tx, pipelineID)
	if err != nil {
		return nil, err
	}
	st, ok, err := s.targetStatus(ctx, tx, t, p, pl, c)
	if err != nil || !ok {
		return out, err
	}
	return append(out, *statusChange(t, st)), nil
}

func teamChange(t Ticket, next team.Team) change {
	return change{set: "team_id = $3, pipeline_id = $4", args: []any{next.ID, next.PipelineID}, event: EventTeam,
		data: map[string]any{"from": t.Team.Name, "to": next.Name}}
}

// targetStatus returns the status the ticket moves to, if it moves.
func (s *Service) targetStatus(ctx context.Context, q db.Querier, t Ticket, p Patch, pl pipeline.Pipeline,
	c *domain.Check) (pipeline.Status, bool, error) {
	if p.Status == nil {
		if pl.ID == t.PipelineID {
			return pipeline.Status{}, false, nil
		}
		if t.IsOpen() {
			return pl.FirstOpen(), true, nil
		}
		return pl.FirstClosed(), true, nil
	}
	st, found := pl.Find(strings.TrimSpace(*p.Status))
	if !found {
		msg, err := s.statusElsewhere(ctx, q, *p.Status, pl)
		c.Add("status", msg)
		return st, false, err
	}
	return st, st.ID != t.Status.ID || pl.ID != t.PipelineID, nil
}

// statusElsewhere explains why ref is not a status of pl.
func (s *Service) statusElsewhere(ctx context.Context, q db.Querier, ref string, pl pipeline.Pipeline) (string, error) {
	var other string
	err := q.QueryRowContext(ctx, `SELECT p.name FROM statuses s JOIN pipelines p ON p.id = s.pipeline_id
		WHERE CAST(s.id AS TEXT) = $1 OR lower(s.name) = lower($1) ORDER BY s.id LIMIT 1`, strings.TrimSpace(ref)).Scan(&other)
	if err == nil {
		return fmt.Sprintf("%q belongs to pipeline %q, not to this ticket's pipeline %q", ref, other, pl.Name), nil
	}
	names := make([]string, len(pl.Statuses))
	for i, st := range pl.Statuses {
		names[i] = st.Name
	}
	return fmt.Sprintf("no status %q in pipeline %q (it has: %s)", ref, pl.Name, strings.Join(names, ", ")), nil
}
