package ui

import (
	"net/http"
	"net/url"
	"strings"
)

// loginShow renders the sign-in form.
func (u *UI) loginShow(w http.ResponseWriter, r *http.Request) error {
	view := LoginView{Base: u.base(r, u.anonCSRF(w, r)), Next: safeNext(r.URL.Query().Get("next"))}
	return u.render(w, r, http.StatusOK, "login", "", view)
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
