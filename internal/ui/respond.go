package ui

import (
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// contentSecurityPolicy allows only our own files: no inline script, no
// inline style, no framing, forms only to us.
const contentSecurityPolicy = "default-src 'self'; base-uri 'none'; object-src 'none'; " +
	"frame-ancestors 'none'; form-action 'self'"

// securityHeaders go on every answer of the agent app.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// htmlErrors adapts h: an error becomes an error page with its status,
// and server errors are logged, once, here.
func (u *UI) htmlErrors(h httpx.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		e := httpx.Map(err)
		if e.Status >= 500 {
			u.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		}
		if _, ok := fromContext(r.Context()); !ok {
			// The operator was put in the context below this adapter; the
			// page shows the navigation of whoever is signed in.
			if r2, ok, err := u.withSession(w, r); err == nil && ok {
				r = r2
			}
		}
		view := ErrorView{Base: u.base(r, csrfToken(r)), Heading: errorHeading(e.Status), Message: sentenceCase(e.Message)}
		if rerr := u.pages.page(w, e.Status, "error", view); rerr != nil {
			u.log.ErrorContext(r.Context(), "error page failed", "err", rerr)
			http.Error(w, e.Message, e.Status)
		}
	}
}

// errorHeadings name what went wrong as a person would, in sentence case.
var errorHeadings = map[int]string{
	http.StatusBadRequest:            "This request cannot be used",
	http.StatusForbidden:             "Not allowed",
	http.StatusNotFound:              "Page not found",
	http.StatusConflict:              "This changed meanwhile",
	http.StatusRequestEntityTooLarge: "Too large to take",
	http.StatusUnprocessableEntity:   "This cannot be saved",
	http.StatusTooManyRequests:       "Too many tries",
}

func errorHeading(status int) string {
	if h, ok := errorHeadings[status]; ok {
		return h
	}
	if status >= 500 {
		return "Something went wrong"
	}
	text := http.StatusText(status)
	return text[:1] + strings.ToLower(text[1:])
}

// render sends a whole page, or only the named block when htmx asks.
func (u *UI) render(w http.ResponseWriter, r *http.Request, status int, page, block string, view any) error {
	w.Header().Set("Cache-Control", "no-store") // pages hold customer data
	w.Header().Add("Vary", "HX-Request")
	if block != "" && r.Header.Get("HX-Request") != "" {
		return u.pages.block(w, status, page, block, view)
	}
	return u.pages.page(w, status, page, view)
}

func (u *UI) static(w http.ResponseWriter, r *http.Request) error {
	u.assets.serve(w, r)
	return nil
}
