package portal

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// The portal's own templates, named so the agent app's renderer leaves
// them alone. Listed, not globbed: other public pages keep their own.
const layoutFile = "portal_layout.html"

var pageFiles = []string{"portal_ticket.html", "portal_error.html", "portal_chat.html", "portal_rating.html"}

type renderer struct {
	pages map[string]*template.Template
}

func newRenderer(fsys fs.FS, asset func(string) (string, error)) (*renderer, error) {
	if asset == nil {
		return nil, fmt.Errorf("portal: no asset resolver")
	}
	base, err := template.New("").Funcs(template.FuncMap{"asset": asset}).ParseFS(fsys, layoutFile)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", layoutFile, err)
	}
	r := &renderer{pages: map[string]*template.Template{}}
	for _, f := range pageFiles {
		t, err := template.Must(base.Clone()).ParseFS(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", f, err)
		}
		r.pages[f] = t
	}
	return r, nil
}

// page renders a whole page, buffered so a failing template never sends
// half of one.
func (r *renderer) page(w http.ResponseWriter, status int, name string, view any) error {
	var buf bytes.Buffer
	if err := r.pages[name].ExecuteTemplate(&buf, "layout", view); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store") // the page holds the customer's conversation
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w) // a client that went away is not our error
	return nil
}

// contentSecurityPolicy: no script at all, styles and images only from
// us, forms only to us, never in a frame.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// securityHeaders go on every answer: the link is a credential, so it must
// not leak through a Referer, an index or a frame.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Robots-Tag", "noindex, nofollow")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		// Whoever holds the link sees the page and its files: no shared or
		// browser cache keeps a copy past a rotated token.
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// ErrorView is a page that says what went wrong, and no more.
type ErrorView struct {
	Heading string
	Message string
}

// errorTexts are the fixed words for statuses whose cause stays private.
var errorTexts = map[int]ErrorView{
	http.StatusNotFound: {"This link does not work",
		"The address may be mistyped, or the support team may have replaced this link with a new one. " +
			"Use the link in the latest mail about your request, or contact the team."},
	http.StatusTooManyRequests: {"Too many attempts",
		"Too many links that do not work were opened from your network. Wait a minute, then try again."},
}

// htmlErrors adapts h: an error becomes an error page with its status,
// and server errors are logged, once, here.
func (p *Portal) htmlErrors(h httpx.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		e := httpx.Map(err)
		if e.Status >= 500 {
			p.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		}
		view, ok := errorTexts[e.Status]
		if !ok {
			view = ErrorView{Heading: http.StatusText(e.Status), Message: e.Message}
		}
		if rerr := p.pages.page(w, e.Status, "portal_error.html", view); rerr != nil {
			p.log.ErrorContext(r.Context(), "error page failed", "err", rerr)
			http.Error(w, view.Message, e.Status)
		}
	}
}
