package ui

import (
	"errors"
	"net"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/operator"
)

// loginSubmit checks the credentials, within the rate limit, and starts a
// session. Failures show the form again with the email kept.
func (u *UI) loginSubmit(w http.ResponseWriter, r *http.Request) error {
	view := LoginView{Base: u.base(r, csrfToken(r)), Errors: map[string]string{},
		Email: strings.TrimSpace(r.PostFormValue("email")), Next: safeNext(r.PostFormValue("next"))}
	password := r.PostFormValue("password")
	if view.Email == "" {
		view.Errors["email"] = "Enter the email address of your account."
	}
	if password == "" {
		view.Errors["password"] = "Enter your password."
	}
	if len(view.Errors) > 0 {
		return u.render(w, r, http.StatusUnprocessableEntity, "login", "", view)
	}
	emailKey, ipKey := strings.ToLower(view.Email), clientIP(r)
	if !u.allowSignIn(r, emailKey, ipKey) {
		w.Header().Set("Retry-After", "60")
		view.Error = "Too many sign-in attempts. Wait a few minutes, then try again."
		return u.render(w, r, http.StatusTooManyRequests, "login", "", view)
	}
	op, err := u.s.Operators.Authenticate(r.Context(), view.Email, password)
	if errors.Is(err, operator.ErrBadCredentials) {
		view.Error = "The email or the password is wrong."
		return u.render(w, r, http.StatusUnauthorized, "login", "", view)
	} else if err != nil {
		return err
	}
	// Only failed attempts count: an office signing in every morning from
	// one address must not lock itself out.
	u.byEmail.Refund(r.Context(), emailKey)
	u.byIP.Refund(r.Context(), ipKey)
	secret, _, err := u.sessions.Create(r.Context(), op.ID)
	if err != nil {
		return err
	}
	u.setSessionCookie(w, secret)
	http.Redirect(w, r, view.Next, http.StatusSeeOther)
	return nil
}

// clientIP is the peer address. Behind a reverse proxy every request
// shares the proxy's address; the per-email limit still holds then.
// allowSignIn spends an attempt of the email and of the address; a
// refused attempt spends neither.
func (u *UI) allowSignIn(r *http.Request, emailKey, ipKey string) bool {
	if !u.byEmail.Allow(r.Context(), emailKey) {
		return false
	}
	if !u.byIP.Allow(r.Context(), ipKey) {
		u.byEmail.Refund(r.Context(), emailKey)
		return false
	}
	return true
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
