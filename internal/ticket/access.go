package ticket

import (
	"context"
	"database/sql"
	"errors"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/pipeline"
)

// mayEnter refuses moving a ticket into a pipeline limited to teams the
// acting operator is not in. Admins and automations (no actor) always may.
func (s *Service) mayEnter(ctx context.Context, q db.Querier, pipelineID, actorID int64) error {
	if actorID == 0 {
		return nil
	}
	ok, err := s.allowed(ctx, q, pipelineID, actorID)
	if err != nil || ok {
		return err
	}
	return domain.Forbidden("this pipeline is limited to other teams")
}

// allowed: operatorID is an admin, or pipelineID is open to one of their teams.
func (s *Service) allowed(ctx context.Context, q db.Querier, pipelineID, operatorID int64) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT CASE WHEN EXISTS (SELECT 1 FROM operators WHERE id = $2 AND role = 'admin')
		THEN 1 ELSE (`+pipeline.AllowedSQL+`) END`, pipelineID, operatorID).Scan(&n)
	return n > 0, err
}

// visibleSQL keeps the tickets of pipelines open to operator %s: those
// without a team limit and those limited to one of the operator's teams.
const visibleSQL = `(NOT EXISTS (SELECT 1 FROM pipeline_teams pt WHERE pt.pipeline_id = t.pipeline_id)
	OR EXISTS (SELECT 1 FROM pipeline_teams pt JOIN team_members m ON m.team_id = pt.team_id
		WHERE pt.pipeline_id = t.pipeline_id AND m.operator_id = %s))`

// Visible returns ErrNotFound when operatorID may not see ticket id: it
// sits in a pipeline limited to teams the operator is not in. A ticket
// the operator may not see is, to them, not there.
func (s *Service) Visible(ctx context.Context, id, operatorID int64) error {
	var pipelineID int64
	err := s.DB.Read.QueryRowContext(ctx, `SELECT pipeline_id FROM tickets WHERE id = $1`, id).Scan(&pipelineID)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	ok, err := s.allowed(ctx, s.DB.Read, pipelineID, operatorID)
	if err == nil && !ok {
		return ErrNotFound
	}
	return err
}

// PipelineVisible is Visible for a whole pipeline (the board).
func (s *Service) PipelineVisible(ctx context.Context, pipelineID, operatorID int64) (bool, error) {
	return s.allowed(ctx, s.DB.Read, pipelineID, operatorID)
}
