package operator

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/session"
)

// Patch changes an operator; nil fields stay as they are.
type Patch struct {
	Name  *string
	Email *string
	Role  *Role
	// Teams replaces the teams the operator is a member of (admins only).
	Teams    *[]int64
	Active   *bool
	Password *string
	// CurrentPassword proves a change of one's own password; an admin
	// resetting someone else's does not give it.
	CurrentPassword *string
	// KeepSession is the secret of the browser session making a change of
	// its own password: it stays signed in while every other session of
	// the operator ends. Empty ends them all.
	KeepSession string
}

// Update applies p to operator id. Only an admin may change someone else or
// any role; the last active admin cannot be demoted or deactivated. A new
// password ends the operator's other sessions (see newPasswordHash).
func (s *Service) Update(ctx context.Context, actor Operator, id int64, p Patch) (Operator, error) {
	if !actor.IsAdmin() && (actor.ID != id || p.Role != nil || p.Active != nil || p.Email != nil || p.Teams != nil) {
		return Operator{}, domain.Forbidden("only an admin can change other operators, addresses, teams, roles or activation")
	}
	var c domain.Check
	checkPatch(&p, &c)
	hash, err := s.newPasswordHash(ctx, actor, id, p, &c)
	if err != nil {
		return Operator{}, err
	}
	var out Operator
	err = s.DB.WithTx(ctx, func(tx *db.Tx) error {
		cur, err := scanOperator(tx.QueryRowContext(ctx, `SELECT `+operatorColumns+` FROM operators WHERE id = $1`, id))
		if err != nil {
			return err
		}
		if err := keepOneAdmin(ctx, tx, cur, p); err != nil {
			return err
		}
		if err := checkTeams(ctx, tx, p.Teams); err != nil {
			return err
		}
		if out, err = apply(ctx, tx, cur, p, hash); err != nil {
			return err
		}
		if err := setTeams(ctx, tx, id, p.Teams); err != nil || hash == "" {
			return err
		}
		return session.EndOthers(ctx, tx, id, p.KeepSession)
	})
	s.tokens.clear() // a new role or a deactivation applies to cached tokens at once
	return out, err
}

// adminsLocked counts active admins; on PostgreSQL it locks their rows so
// two admins demoting each other at once cannot leave none (SQLite's single
// writer already serialises the two).
const (
	sqliteAdmins = `SELECT id FROM operators WHERE role = 'admin' AND active`
	pgAdmins     = sqliteAdmins + ` FOR UPDATE`
)

func keepOneAdmin(ctx context.Context, tx *db.Tx, cur Operator, p Patch) error {
	losesAdmin := cur.IsAdmin() && cur.Active &&
		((p.Role != nil && *p.Role != Admin) || (p.Active != nil && !*p.Active))
	if !losesAdmin {
		return nil
	}
	query := sqliteAdmins
	if tx.Dialect == db.Postgres {
		query = pgAdmins
	}
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	admins := 0
	for rows.Next() {
		admins++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if admins <= 1 {
		return domain.Conflict("%s is the last active admin; make someone else admin first", cur.Email)
	}
	return nil
}

func apply(ctx context.Context, tx *db.Tx, cur Operator, p Patch, hash string) (Operator, error) {
	if p.Name != nil {
		cur.Name = *p.Name
	}
	if p.Email != nil {
		cur.Email = *p.Email
	}
	if p.Role != nil {
		cur.Role = *p.Role
	}
	if p.Active != nil {
		cur.Active = *p.Active
	}
	row := tx.QueryRowContext(ctx, `UPDATE operators SET name = $2, role = $3, active = $4,
		password_hash = CASE WHEN $5 = '' THEN password_hash ELSE $5 END, updated_at = $6, email = $7
		WHERE id = $1 RETURNING `+operatorColumns, cur.ID, cur.Name, cur.Role, cur.Active, hash, nowFn(), cur.Email)
	o, err := scanOperator(row)
	if db.IsUniqueViolation(err, "email") {
		return o, domain.Invalid("email", "another operator has this email")
	}
	return o, err
}
