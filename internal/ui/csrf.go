package ui

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// The token travels as a form field in plain forms and as a header from
// htmx (set once through hx-headers on <body>).
const (
	csrfField  = "_csrf"
	csrfHeader = "X-CSRF-Token"
	// anonCSRFCookie carries the token of the sign-in form, which has no
	// session yet (a double-submit cookie), so no one can sign a victim
	// into an attacker's account from another site.
	anonCSRFCookie = "fd_csrf"
)

// sessionCSRF derives the token from the session secret: no storage, one
// token per session, and it reveals nothing about the secret.
func sessionCSRF(secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("frontdesk csrf v1"))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// csrfToken is the token the request must carry: its session's, or else
// the sign-in form's cookie.
func csrfToken(r *http.Request) string {
	if sc, ok := fromContext(r.Context()); ok {
		return sessionCSRF(sc.secret)
	}
	if c, err := r.Cookie(anonCSRFCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	return ""
}

// anonCSRF returns the sign-in form's token, setting its cookie if needed.
func (u *UI) anonCSRF(w http.ResponseWriter, r *http.Request) string {
	if t := csrfToken(r); t != "" {
		return t
	}
	raw := make([]byte, 32)
	_, _ = rand.Read(raw) // crypto/rand never fails on supported systems
	t := base64.RawURLEncoding.EncodeToString(raw)
	http.SetCookie(w, &http.Cookie{Name: anonCSRFCookie, Value: t, Path: "/", HttpOnly: true,
		Secure: u.secure, SameSite: http.SameSiteLaxMode})
	return t
}

// checkCSRF refuses a state-changing request without the right token.
func checkCSRF(next httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			return next(w, r)
		}
		sent := r.Header.Get(csrfHeader)
		if sent == "" {
			sent = r.PostFormValue(csrfField)
		}
		want := csrfToken(r)
		if want == "" || !hmac.Equal([]byte(sent), []byte(want)) {
			return httpx.NewError(http.StatusForbidden, "csrf",
				"This form has expired or did not come from Frontdesk. Reload the page and try again.")
		}
		return next(w, r)
	}
}
