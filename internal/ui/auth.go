package ui

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/session"
)

const sessionCookie = "fd_session"

// signedIn is the operator behind a request and the secret of their
// session (the CSRF token derives from it).
type signedIn struct {
	operator operator.Operator
	secret   string
}

type ctxKey struct{}

func fromContext(ctx context.Context) (signedIn, bool) {
	sc, ok := ctx.Value(ctxKey{}).(signedIn)
	return sc, ok
}

// requireSession lets the request through only with a live session of an
// active operator; anyone else is sent to the sign-in page.
func (u *UI) requireSession(next httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		r2, ok, err := u.withSession(w, r)
		if err != nil {
			return err
		} else if !ok {
			return u.toLogin(w, r)
		}
		defer httpx.DropCopyForm(r2, r)
		return next(w, r2)
	}
}

// withSession is r with the signed-in operator in its context; ok is
// false when the cookie names no live session of an active operator.
func (u *UI) withSession(w http.ResponseWriter, r *http.Request) (*http.Request, bool, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return r, false, nil
	}
	ss, err := u.sessions.Lookup(r.Context(), c.Value)
	if errors.Is(err, session.ErrUnknown) {
		return r, false, nil
	} else if err != nil {
		return r, false, err
	}
	op, err := u.s.Operators.Get(r.Context(), ss.OperatorID)
	if err != nil || !op.Active {
		if err != nil && !errors.Is(err, operator.ErrNotFound) {
			return r, false, err
		}
		return r, false, nil // deactivated since signing in
	}
	if ss.Renewed {
		u.setSessionCookie(w, c.Value) // the cookie slides with the session
	}
	return r.WithContext(context.WithValue(r.Context(), ctxKey{}, signedIn{op, c.Value})), true, nil
}

// toLogin sends the browser to sign in, remembering where it wanted to
// go. htmx requests get HX-Redirect, so the login page is not swapped
// into a fragment of the old one.
func (u *UI) toLogin(w http.ResponseWriter, r *http.Request) error {
	target := "/login"
	if r.Method == http.MethodGet && r.URL.Path != "/" {
		target += "?next=" + url.QueryEscape(r.URL.RequestURI())
	}
	if r.Header.Get("HX-Request") != "" {
		w.Header().Set("HX-Redirect", target)
		w.WriteHeader(http.StatusUnauthorized)
		return nil
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
	return nil
}

func (u *UI) setSessionCookie(w http.ResponseWriter, secret string) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/",
		MaxAge: int(session.DefaultTTL.Seconds()), HttpOnly: true, Secure: u.secure, SameSite: http.SameSiteLaxMode})
}

func (u *UI) clearSessionCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: u.secure, SameSite: http.SameSiteLaxMode})
}
