package ticket

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/field"
)

// EventField records a custom field's change: data {field, label, from, to}.
const EventField = "field"

// CustomFields checks, writes and reads tickets' custom field values
// (internal/field). Values are keyed by field name; nil clears one.
type CustomFields interface {
	Check(ctx context.Context, q db.Querier, pipelineID int64, values map[string]any) error
	Set(ctx context.Context, tx *db.Tx, ticketID, pipelineID int64, values map[string]any) ([]field.Change, error)
	Values(ctx context.Context, q db.Querier, tickets map[int64]int64) (map[int64]map[string]any, error)
}

// checkCustom merges the problems of a new ticket's values into c, each
// under "fields.<name>".
func (s *Service) checkCustom(ctx context.Context, q db.Querier, pipelineID int64, values map[string]any, c *domain.Check) error {
	if len(values) == 0 {
		return nil
	}
	if s.Custom == nil {
		c.Add("fields", "custom fields are not available here")
		return nil
	}
	return c.Merge("fields.", s.Custom.Check(ctx, q, pipelineID, values))
}

// planCustom writes p's values (the ticket's transaction rolls them back
// if anything else in the patch is refused) and returns their history.
func (s *Service) planCustom(ctx context.Context, tx *db.Tx, t Ticket, pipelineID int64, values map[string]any,
	c *domain.Check) ([]change, error) {
	if len(values) == 0 {
		return nil, nil
	}
	if s.Custom == nil {
		c.Add("fields", "custom fields are not available here")
		return nil, nil
	}
	changes, err := s.Custom.Set(ctx, tx, t.ID, pipelineID, values)
	if err := c.Merge("fields.", err); err != nil {
		return nil, err
	}
	out := make([]change, len(changes))
	for i, ch := range changes {
		out[i] = change{event: EventField, data: map[string]any{"field": ch.Field, "label": ch.Label,
			"from": ch.From, "to": ch.To}}
	}
	return out, nil
}

// withCustom fills the custom field values of tickets.
func (s *Service) withCustom(ctx context.Context, tickets []Ticket) error {
	if s.Custom == nil || len(tickets) == 0 {
		return nil
	}
	ids := make(map[int64]int64, len(tickets))
	for _, t := range tickets {
		ids[t.ID] = t.PipelineID
	}
	values, err := s.Custom.Values(ctx, s.DB.Read, ids)
	if err != nil {
		return err
	}
	for i := range tickets {
		tickets[i].Custom = values[tickets[i].ID]
	}
	return nil
}
