package ui

import (
	"net/http"
	"net/url"
	"strings"
)

// loginShow renders the sign-in form.
func (u *UI) loginShow(w http.ResponseWriter, r *http.Request) error {
	view := LoginView{Base: u.base(r, u.anonCSRF(w, r)), Next: safeNext(r.URL.Query().Get("next"))}
	view.Flash = loginNotices[r.URL.Query().Get("done")]
	return u.render(w, r, http.StatusOK, "login", "", view)
}

// loginNotices say what just happened, by the ?done= of the redirect.
var loginNotices = map[string]string{
	"everywhere": "You are signed out on every device and browser.",
	"password":   "Your new password is set. Sign in with it.",
}

// safeNext keeps only a path on this site, so a crafted sign-in link
// cannot forward the operator to another one after they sign in.
func safeNext(next string) string {
	const fallback = "/inbox"
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n\t") {
		return fallback
	}
	p, err := url.Parse(next)
	if err != nil || p.Scheme != "" || p.Host != "" || p.User != nil {
		return fallback
	}
	return next
}
