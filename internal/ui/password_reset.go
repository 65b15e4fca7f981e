package ui

import (
	"errors"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/operator"
)

// ResetView is the form behind a "forgot password" link.
type ResetView struct {
	Base
	Name   string // whose password it sets
	Dead   bool   // the link is unknown, used or expired
	Errors map[string]string
}

// resetShow shows the new-password form of a live link, or says the link
// is dead. Links are 256 random bits; guesses still count against the
// requests of the client's address.
func (u *UI) resetShow(w http.ResponseWriter, r *http.Request) error {
	v := ResetView{Base: u.base(r, u.anonCSRF(w, r)), Errors: map[string]string{}}
	ip := clientIP(r)
	if !u.forgotByIP.Allow(r.Context(), ip) {
		return u.tooMany(w)
	}
	op, err := u.s.Operators.CheckReset(r.Context(), r.PathValue("token"))
	if errors.Is(err, operator.ErrResetLink) { // only a dead link costs
		v.Dead = true
		return u.render(w, r, http.StatusNotFound, "password_reset", "", v)
	} else if err != nil {
		return err
	}
	u.forgotByIP.Refund(r.Context(), ip)
	v.Name = op.Name
	return u.render(w, r, http.StatusOK, "password_reset", "", v)
}

// resetSubmit sets the new password, used up with its link, and sends the
// operator to sign in with it.
func (u *UI) resetSubmit(w http.ResponseWriter, r *http.Request) error {
	v := ResetView{Base: u.base(r, csrfToken(r)), Errors: map[string]string{}}
	ip := clientIP(r)
	if !u.forgotByIP.Allow(r.Context(), ip) {
		return u.tooMany(w)
	}
	password := r.PostFormValue("password")
	if password != r.PostFormValue("confirm") {
		u.forgotByIP.Refund(r.Context(), ip)
		v.Errors["confirm"] = "The two passwords differ. Type the same one twice."
		return u.render(w, r, http.StatusUnprocessableEntity, "password_reset", "", v)
	}
	_, err := u.s.Operators.FinishReset(r.Context(), r.PathValue("token"), password)
	var ve *domain.ValidationError
	switch {
	case errors.As(err, &ve):
		u.forgotByIP.Refund(r.Context(), ip)
		v.Errors["password"] = sentence("password", ve.Fields["password"])
		return u.render(w, r, http.StatusUnprocessableEntity, "password_reset", "", v)
	case errors.Is(err, operator.ErrResetLink):
		v.Dead = true
		return u.render(w, r, http.StatusNotFound, "password_reset", "", v)
	case err != nil:
		return err
	}
	u.forgotByIP.Refund(r.Context(), ip)
	http.Redirect(w, r, "/login?done=password", http.StatusSeeOther)
	return nil
}

var errTooMany = httpx.NewError(http.StatusTooManyRequests, "rate_limited",
	"Too many tries from your address. Wait a quarter of an hour, then try again.")

func (u *UI) tooMany(w http.ResponseWriter) error {
	w.Header().Set("Retry-After", "900")
	return errTooMany
}
