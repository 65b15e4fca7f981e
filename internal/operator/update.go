package operator

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Patch changes an operator; nil fields stay as they are.
type Patch struct {
	Name     *string
	Role     *Role
	Active   *bool
	Password *string
}

// Update applies p to operator id. Only an admin may change someone else or
// any role; the last active admin cannot be demoted or deactivated.
func (s *Service) Update(ctx context.Context, actor Operator, id int64, p Patch) (Operator, error) {
	if !actor.IsAdmin() && (actor.ID != id || p.Role != nil || p.Active != nil) {
		return Operator{}, domain.Forbidden("only an admin can change other operators, roles or activation")
	}
	var c domain.Check
	if p.Name != nil {
		c.Require(*p.Name != "" && !domain.TooLong(*p.Name, 200), "name", "must be 1 to 200 characters")
	}
	if p.Role != nil {
		c.Require(*p.Role == Admin || *p.Role == Agent, "role", "must be admin or agent")
	}
	if p.Password != nil {
		c.Require(len(*p.Password) >= minPasswordLen, "password", "must be at least 10 characters")
	}
	if err := c.Err(); err != nil {
		return Operator{}, err
	}
	cur, err := s.Get(ctx, id)
	if err != nil {
		return Operator{}, err
	}
	if err := s.keepOneAdmin(ctx, cur, p); err != nil {
		return Operator{}, err
	}
	return s.apply(ctx, cur, p)
}

func (s *Service) keepOneAdmin(ctx context.Context, cur Operator, p Patch) error {
	losesAdmin := cur.IsAdmin() && cur.Active &&
		((p.Role != nil && *p.Role != Admin) || (p.Active != nil && !*p.Active))
	if !losesAdmin {
		return nil
	}
	var admins int
	if err := s.DB.Read.QueryRowContext(ctx,
		`SELECT count(*) FROM operators WHERE role = 'admin' AND active`).Scan(&admins); err != nil {
		return err
	}
	if admins <= 1 {
		return domain.Conflict("%s is the last active admin; make someone else admin first", cur.Email)
	}
	return nil
}

func (s *Service) apply(ctx context.Context, cur Operator, p Patch) (Operator, error) {
	if p.Name != nil {
		cur.Name = *p.Name
	}
	if p.Role != nil {
		cur.Role = *p.Role
	}
	if p.Active != nil {
		cur.Active = *p.Active
	}
	hash := ""
	if p.Password != nil {
		var err error
		if hash, err = HashPassword(*p.Password); err != nil {
			return Operator{}, err
		}
	}
	row := s.DB.Write.QueryRowContext(ctx, `UPDATE operators SET name = $2, role = $3, active = $4,
		password_hash = CASE WHEN $5 = '' THEN password_hash ELSE $5 END, updated_at = $6
		WHERE id = $1 RETURNING `+operatorColumns, cur.ID, cur.Name, cur.Role, cur.Active, hash, nowFn())
	return scanOperator(row)
}
