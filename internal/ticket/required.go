package ticket

import (
	"context"
	"fmt"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/pipeline"
)

// MissingError refuses a status change: the ticket has no value for some
// properties its new status requires. It unwraps to a *domain.ValidationError
// with "required to enter <status>" on each missing property, so the API
// answers 422 with one message per property like any other field error.
type MissingError struct {
	Status  pipeline.Status
	Missing []string // property names: assignee, priority, tags, team or a custom field's name
	fields  *domain.ValidationError
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("to enter %s the ticket needs: %s", e.Status.Name, strings.Join(e.Missing, ", "))
}

func (e *MissingError) Unwrap() error { return e.fields }

// requireValues checks, after the patch was written inside the same
// transaction, that ticket id holds a value for every property st
// requires. Only operators and automations come through here (Update);
// a customer's own acts (a reply reopening, the public page's close and
// reopen) move the status with write and are never refused.
func (s *Service) requireValues(ctx context.Context, tx *db.Tx, id int64, st pipeline.Status) error {
	if len(st.Required) == 0 {
		return nil
	}
	t, err := s.getBy(ctx, tx, `t.id = $1`, id)
	if err != nil {
		return err
	}
	var missing []string
	for _, name := range st.Required {
		has, err := hasValue(ctx, tx, t, name)
		if err != nil {
			return err
		}
		if !has {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	ve := &domain.ValidationError{Fields: map[string]string{}}
	for _, name := range missing {
		ve.Fields[name] = "required to enter " + st.Name
	}
	return &MissingError{Status: st, Missing: missing, fields: ve}
}

// hasValue says whether t has a value for property name. Priority counts
// only above Low: every ticket starts at Low, so requiring a priority asks
// that someone rated it. The team is never empty. A custom field has a
// value when it has a row in ticket_values; a required field that no
// longer exists requires nothing.
func hasValue(ctx context.Context, q db.Querier, t Ticket, name string) (bool, error) {
	switch name {
	case pipeline.Assignee:
		return t.Assignee != nil, nil
	case pipeline.Priority:
		return t.Priority > 0, nil
	case pipeline.Tags:
		return len(t.Tags) > 0, nil
	case pipeline.Team:
		return t.Team.ID != 0, nil
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM custom_fields WHERE name = $2)
		OR EXISTS (SELECT 1 FROM ticket_values v JOIN custom_fields f ON f.id = v.field_id
			WHERE v.ticket_id = $1 AND f.name = $2) THEN 1 ELSE 0 END`, t.ID, name).Scan(&n)
	return n > 0, err
}
