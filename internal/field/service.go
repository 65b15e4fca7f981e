package field

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// Service keeps field definitions and tickets' values of them.
type Service struct {
	DB *db.DB
}

// List returns every field in display order.
func (s *Service) List(ctx context.Context) ([]Def, error) {
	return list(ctx, s.DB.Read, "")
}

// Get returns field id.
func (s *Service) Get(ctx context.Context, id int64) (Def, error) {
	return get(ctx, s.DB.Read, id)
}

// Create checks in and stores it.
func (s *Service) Create(ctx context.Context, in Input) (Def, error) {
	in, err := in.check()
	if err != nil {
		return Def{}, err
	}
	var id int64
	err = s.DB.WithTx(ctx, func(tx *db.Tx) error {
		if err := checkPipelines(ctx, tx, in.Pipelines); err != nil {
			return err
		}
		id, err = insert(ctx, tx, in)
		return err
	})
	if err != nil {
		return Def{}, err
	}
	return s.Get(ctx, id)
}

// Update replaces field id with in. The name never changes (lists of
// required properties and API clients key on it); the type and the options
// change only while no ticket holds what the change would strand.
func (s *Service) Update(ctx context.Context, id int64, in Input) (Def, error) {
	in, err := in.check()
	if err != nil {
		return Def{}, err
	}
	err = s.DB.WithTx(ctx, func(tx *db.Tx) error {
		cur, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkChange(ctx, tx, cur, in); err != nil {
			return err
		}
		return update(ctx, tx, id, in)
	})
	if err != nil {
		return Def{}, err
	}
	return s.Get(ctx, id)
}

func checkPipelines(ctx context.Context, q db.Querier, ids []int64) error {
	missing, err := missingPipelines(ctx, q, ids)
	if err != nil || len(missing) == 0 {
		return err
	}
	return domain.Invalid("pipelines", "no pipeline with id "+strings.Join(missing, ", "))
}

func checkChange(ctx context.Context, tx *db.Tx, cur Def, in Input) error {
	if in.Name != cur.Name {
		return domain.Invalid("name", fmt.Sprintf("a field's name never changes once created; this one stays %s (change its label instead)", cur.Name))
	}
	if err := checkPipelines(ctx, tx, in.Pipelines); err != nil {
		return err
	}
	if in.Type != cur.Type {
		n, err := countValues(ctx, tx, cur.ID, "")
		if err != nil || n == 0 {
			return err
		}
		return domain.Invalid("type", fmt.Sprintf("%s holds values on %s; a field that holds values cannot change type",
			cur.Label, tickets(n)))
	}
	for _, o := range cur.Options {
		if in.Type.HasOptions() && !slices.Contains(in.Options, o) {
			n, err := countValues(ctx, tx, cur.ID, o)
			if err != nil {
				return err
			}
			if n > 0 {
				return domain.Invalid("options", fmt.Sprintf("%q is chosen on %s; keep it until they hold another", o, tickets(n)))
			}
		}
	}
	return nil
}

func tickets(n int) string {
	if n == 1 {
		return "1 ticket"
	}
	return fmt.Sprintf("%d tickets", n)
}

// Delete removes field id and every ticket's value of it. A field that a
// status requires is kept, and the refusal names the statuses.
func (s *Service) Delete(ctx context.Context, id int64) error {
	return s.DB.WithTx(ctx, func(tx *db.Tx) error {
		d, err := get(ctx, tx, id)
		if err != nil {
			return err
		}
		statuses, err := requiredBy(ctx, tx, d.Name)
		if err != nil {
			return err
		}
		if len(statuses) > 0 {
			return domain.Conflict("%s is required to enter status %s; remove it from the required properties first",
				d.Label, strings.Join(statuses, ", "))
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM custom_fields WHERE id = $1`, id)
		return err
	})
}
