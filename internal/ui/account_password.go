package ui

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/operator"
)

// accountPassword changes the signed-in operator's password. It needs the
// current one; wrong guesses count against the same limit as sign-in
// attempts for the address. This browser stays signed in, every other
// session of the operator ends.
func (u *UI) accountPassword(w http.ResponseWriter, r *http.Request) error {
	sc, _ := fromContext(r.Context())
	current, next := r.PostFormValue("current_password"), r.PostFormValue("password")
	if next != r.PostFormValue("password_confirm") {
		return u.passwordRefused(w, r, http.StatusUnprocessableEntity,
			domain.Invalid("password_confirm", "does not match the new password"))
	}
	key := strings.ToLower(sc.operator.Email)
	if !u.byEmail.Allow(r.Context(), key) {
		return u.passwordRefused(w, r, http.StatusTooManyRequests, domain.Invalid("current_password",
			"was wrong too many times; wait a few minutes, then try again"))
	}
	_, err := u.s.Operators.Update(r.Context(), sc.operator, sc.operator.ID,
		operator.Patch{Password: &next, CurrentPassword: &current, KeepSession: sc.secret})
	if !operator.WrongCurrentPassword(err) {
		u.byEmail.Refund(r.Context(), key) // only wrong guesses count, as at sign-in
	}
	if errors.As(err, new(*domain.ValidationError)) {
		return u.passwordRefused(w, r, http.StatusUnprocessableEntity, err)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/account?done=password-changed", http.StatusSeeOther)
	return nil
}

// passwordRefused shows the account page with err's messages by their
// fields; the typed passwords are not sent back.
func (u *UI) passwordRefused(w http.ResponseWriter, r *http.Request, status int, err error) error {
	var ve *domain.ValidationError
	errors.As(err, &ve)
	v := u.accountView(r)
	v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool {
		return slices.Contains([]string{"current_password", "password", "password_confirm"}, k)
	})
	return u.render(w, r, status, "account", "", v)
}
