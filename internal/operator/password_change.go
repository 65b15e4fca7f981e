package operator

import (
	"context"
	"database/sql"
	"errors"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// wrongCurrent is the field message for a wrong current password;
// the edges count these against the sign-in rate limit.
const wrongCurrent = "is not your current password"

// newPasswordHash checks p's new password, and on a change of one's own
// password the current one, adding field errors to c. It returns the hash
// to store, "" when the password stays, or c's errors.
//
// One's own password needs the current one, so a session or API token
// left open cannot lock its owner out. An admin resetting someone else's
// password does not know it; Update has already checked that the actor is
// an admin.
func (s *Service) newPasswordHash(ctx context.Context, actor Operator, id int64, p Patch, c *domain.Check) (string, error) {
	if p.Password == nil {
		return "", c.Err()
	}
	c.Require(len(*p.Password) >= minPasswordLen, "password", "must be at least 10 characters")
	if actor.ID == id {
		if err := s.checkCurrent(ctx, id, p.CurrentPassword, c); err != nil {
			return "", err
		}
	}
	if err := c.Err(); err != nil {
		return "", err
	}
	return HashPassword(*p.Password)
}

// checkCurrent adds a current_password error unless current is the
// operator's password.
func (s *Service) checkCurrent(ctx context.Context, id int64, current *string, c *domain.Check) error {
	if current == nil || *current == "" {
		c.Add("current_password", "is required to change your password")
		return nil
	}
	var hash string
	err := s.DB.Read.QueryRowContext(ctx, `SELECT password_hash FROM operators WHERE id = $1`, id).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	} else if err != nil {
		return err
	}
	if hash == "" {
		c.Add("current_password", wrongCurrent)
		return nil
	}
	ok, err := CheckPassword(hash, *current)
	if err != nil && !errors.Is(err, errBadHash) {
		return err
	}
	if !ok {
		c.Add("current_password", wrongCurrent)
	}
	return nil
}

// WrongCurrentPassword reports whether err refused a change for a wrong
// current password, an attempt the edges count like a failed sign-in.
func WrongCurrentPassword(err error) bool {
	var ve *domain.ValidationError
	return errors.As(err, &ve) && ve.Fields["current_password"] == wrongCurrent
}
