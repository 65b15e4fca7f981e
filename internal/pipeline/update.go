package pipeline

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// TicketMover is what a pipeline change needs from the tickets in it;
// the ticket service provides it.
type TicketMover interface {
	CountInStatus(ctx context.Context, q db.Querier, statusID int64) (int, error)
	MoveStatus(ctx context.Context, q db.Querier, from, to Status, actorID int64) error
	SyncKind(ctx context.Context, q db.Querier, st Status) error
}

// Update changes a pipeline. Statuses, when given, is the whole new list
// in order: entries with an ID keep that status (renamed, re-kinded,
// moved), entries without one are new, and statuses left out are removed.
// A removed status that holds tickets needs Reassign[its id]: the id or
// name of a status in the new list, where its tickets go. Position moves
// the pipeline in the list (0 is first); Teams replaces its team limit
// (empty: every team).
type Update struct {
	Name     *string
	Statuses []StatusInput
	Reassign map[int64]string
	Position *int
	Teams    *[]int64
	ActorID  int64
}

// Update applies u to pipeline id in one transaction.
func (s *Service) Update(ctx context.Context, id int64, u Update) (Pipeline, error) {
	defer s.firstOpen.Forget()
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		cur, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		name := cur.Name
		if u.Name != nil {
			name = *u.Name
		}
		if u.Statuses == nil {
			u.Statuses = inputsOf(cur.Statuses)
		}
		if err := validate(name, u.Statuses); err != nil {
			return err
		}
		if err := checkIDs(cur, u.Statuses); err != nil {
			return err
		}
		if err := checkRequired(ctx, tx, id, u.Statuses); err != nil {
			return err
		}
		if err := s.apply(ctx, tx, cur, strings.TrimSpace(name), u); err != nil {
			return err
		}
		return placeAndLimit(ctx, tx, id, u)
	})
	if err != nil {
		return Pipeline{}, err
	}
	return s.Get(ctx, id)
}

func inputsOf(sts []Status) []StatusInput {
	out := make([]StatusInput, len(sts))
	for i, st := range sts {
		cn := st.CustomerName
		out[i] = StatusInput{ID: st.ID, Name: st.Name, Kind: st.Kind, Required: st.Required, CustomerName: &cn}
	}
	return out
}

func placeAndLimit(ctx context.Context, tx *db.Tx, id int64, u Update) error {
	if u.Position != nil {
		if *u.Position < 0 {
			return domain.Invalid("position", "must be 0 or more")
		}
		if err := move(ctx, tx, id, *u.Position); err != nil {
			return err
		}
	}
	if u.Teams != nil {
		return setTeams(ctx, tx, id, *u.Teams)
	}
	return nil
}

func checkIDs(cur Pipeline, in []StatusInput) error {
	var c domain.Check
	seen := map[int64]bool{}
	for i, st := range in {
		if st.ID == 0 {
			continue
		}
		_, ok := cur.StatusByID(st.ID)
		c.Require(ok, fmt.Sprintf("statuses[%d].id", i), "is not a status of this pipeline")
		c.Require(!seen[st.ID], fmt.Sprintf("statuses[%d].id", i), "appears twice")
		seen[st.ID] = true
	}
	return c.Err()
}

func (s *Service) apply(ctx context.Context, tx *db.Tx, cur Pipeline, name string, u Update) error {
	_, err := tx.ExecContext(ctx, `UPDATE pipelines SET name = $2, updated_at = $3 WHERE id = $1`, cur.ID, name, db.Now())
	if db.IsUniqueViolation(err, "name") {
		return domain.Invalid("name", "a pipeline with this name already exists")
	}
	if err != nil {
		return err
	}
	// Park kept statuses under unique temporary names so two statuses can swap names.
	if _, err := tx.ExecContext(ctx, `UPDATE statuses SET name = '~' || id WHERE pipeline_id = $1`, cur.ID); err != nil {
		return err
	}
	for pos, st := range u.Statuses {
		if err := upsertStatus(ctx, tx, cur.ID, pos, st); err != nil {
			return err
		}
	}
	next, err := get(ctx, tx, cur.ID)
	if err != nil {
		return err
	}
	// Statuses left out of the list are still stored until removeDropped
	// deletes them; they are not part of the new pipeline.
	next.Statuses = slices.DeleteFunc(next.Statuses, func(st Status) bool { return dropped(cur, u.Statuses, st.ID) })
	if err := s.removeDropped(ctx, tx, cur, next, u); err != nil {
		return err
	}
	return s.syncKinds(ctx, tx, cur, next)
}

func upsertStatus(ctx context.Context, tx *db.Tx, pipelineID int64, pos int, st StatusInput) error {
	if st.ID == 0 {
		return insertStatus(ctx, tx, pipelineID, pos, st)
	}
	_, err := tx.ExecContext(ctx, `UPDATE statuses SET name = $2, kind = $3, position = $4,
		customer_name = CASE WHEN $5 THEN $6 ELSE customer_name END WHERE id = $1`,
		st.ID, strings.TrimSpace(st.Name), st.Kind, pos, st.CustomerName != nil, customerName(st))
	if err != nil {
		return err
	}
	return setRequired(ctx, tx, st.ID, st.Required)
}

// dropped reports whether id, a status of cur, is missing from the new list in.
func dropped(cur Pipeline, in []StatusInput, id int64) bool {
	if _, old := cur.StatusByID(id); !old {
		return false
	}
	return !slices.ContainsFunc(in, func(st StatusInput) bool { return st.ID == id })
}

func (s *Service) removeDropped(ctx context.Context, tx *db.Tx, cur, next Pipeline, u Update) error {
	for _, old := range cur.Statuses {
		if _, kept := next.StatusByID(old.ID); kept {
			continue
		}
		n, err := s.Tickets.CountInStatus(ctx, tx, old.ID)
		if err != nil {
			return err
		}
		if n > 0 {
			if err := s.reassign(ctx, tx, old, next, u, n); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM statuses WHERE id = $1`, old.ID); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) reassign(ctx context.Context, tx *db.Tx, old Status, next Pipeline, u Update, n int) error {
	ref, ok := u.Reassign[old.ID]
	if !ok {
		return domain.Conflict("status %q holds %d tickets: say which status they move to (reassign)", old.Name, n)
	}
	target, ok := next.Find(ref)
	if !ok {
		return domain.Invalid(fmt.Sprintf("reassign.%d", old.ID), fmt.Sprintf("%q is not a status of this pipeline", ref))
	}
	return s.Tickets.MoveStatus(ctx, tx, old, target, u.ActorID)
}

func (s *Service) syncKinds(ctx context.Context, tx *db.Tx, cur, next Pipeline) error {
	for _, st := range next.Statuses {
		if old, ok := cur.StatusByID(st.ID); ok && old.Kind != st.Kind {
			if err := s.Tickets.SyncKind(ctx, tx, st); err != nil {
				return err
			}
		}
	}
	return nil
}
