package ticket

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/pipeline"
)

// SetOpenByCustomer moves ticket id to its pipeline's first open status
// (open) or first closed status (!open), as the customer asked on the
// public page. The event has no operator: the customer did it. It reports
// whether anything changed; a ticket already of that kind stays where it is.
func (s *Service) SetOpenByCustomer(ctx context.Context, id int64, open bool) (bool, error) {
	changed := false
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		t, err := s.getBy(ctx, tx, `t.id = $1`, id)
		if err != nil || t.IsOpen() == open {
			return err
		}
		p, err := s.Pipelines.GetTx(ctx, tx, t.PipelineID)
		if err != nil {
			return err
		}
		st := p.FirstClosed()
		if open {
			st = p.FirstOpen()
		}
		changed = true
		return s.write(ctx, tx, t.ID, *statusChange(t, st), 0, db.Now())
	})
	if err == nil && changed {
		s.publish("ticket.updated", id)
	}
	return changed, err
}

// PipelineOf returns the pipeline ticket t moves through, for showing the
// customer where the ticket stands.
func (s *Service) PipelineOf(ctx context.Context, t Ticket) (pipeline.Pipeline, error) {
	return s.Pipelines.GetTx(ctx, s.DB.Read, t.PipelineID)
}
