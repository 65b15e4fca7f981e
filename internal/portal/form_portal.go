// Package portal serves the public side: what customers reach without an
// account. The files named form_* are the website form at
// /support/{team-slug} and its JSON description for the widget.
package portal

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/brand"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/web"
)

// Submissions allowed per client address, earned back over formWindow.
const (
	formBurst  = 5
	formWindow = 10 * time.Minute
	// formJSONBurst bounds reads of a form's description by the widget.
	formJSONBurst = 60
)

// FormDeps is what the website form needs.
type FormDeps struct {
	Services *app.Services
	Log      *slog.Logger
	BaseURL  string
}

// Forms serves the teams' website forms.
type Forms struct {
	s       *app.Services
	log     *slog.Logger
	baseURL string
	origin  string // scheme://host of the base URL, for the cross-site check
	submits httpx.Limiter
	reads   httpx.Limiter
	guesses httpx.Limiter // ticket tokens naming nothing, shared with /t/
	pages   map[string]*template.Template
	css, js string // hashed URLs of form.css and form.js, as the agent app serves them
	now     func() time.Time
}

// formPages are the templates of the form, each parsed with the base.
var formPages = []string{"portal_form", "portal_form_sent", "portal_form_error"}

// NewForms parses the form's templates, so a broken one fails at start.
func NewForms(d FormDeps) (*Forms, error) {
	f := &Forms{s: d.Services, log: d.Log, baseURL: strings.TrimRight(d.BaseURL, "/"),
		submits: d.Services.Limits("form_submits", formBurst, formWindow),
		reads:   d.Services.Limits("form_reads", formJSONBurst, time.Minute), guesses: d.Services.TokenGuesses,
		pages: map[string]*template.Template{}, now: time.Now}
	if u, err := url.Parse(f.baseURL); err == nil {
		f.origin = u.Scheme + "://" + u.Host
	}
	var err error
	if f.css, err = staticURL(web.Static, "form.css"); err != nil {
		return nil, err
	}
	if f.js, err = staticURL(web.Static, "form.js"); err != nil {
		return nil, err
	}
	for _, p := range formPages {
		t, err := template.ParseFS(web.Templates, "portal_form_base.html", p+".html")
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", p, err)
		}
		f.pages[p] = t
	}
	return f, nil
}

// staticURL is the name under which the agent app serves a static file:
// its content hash before the extension (see ui/assets.go).
func staticURL(fsys fs.FS, name string) (string, error) {
	body, err := fs.ReadFile(fsys, name)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	return "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext, nil
}

// Register adds the form's routes to mux.
func (f *Forms) Register(mux *http.ServeMux) {
	mux.Handle("GET /support/{slug}", f.html(f.show))
	mux.Handle("POST /support/{slug}", f.html(f.submit))
	mux.Handle("GET /support/{slug}/sent", f.html(f.sent))
	mux.Handle("GET /widget/v1/{slug}/form", formCORS(httpx.JSONErrors(f.log, f.describe)))
}

// formCSP allows our own files only; forms post only to us.
const formCSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// html adapts h: security headers on every answer, and an error becomes
// a plain page with its status, logged once when it is ours.
func (f *Forms) html(h httpx.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", formCSP)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cache-Control", "no-store")
		err := h(w, r)
		if err == nil {
			return
		}
		e := httpx.Map(err)
		if e.Status >= 500 {
			f.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		}
		view := FormErrorView{FormBase: f.base(r.Context(), ""), Heading: http.StatusText(e.Status), Message: e.Message}
		if rerr := f.render(w, e.Status, "portal_form_error", view); rerr != nil {
			http.Error(w, e.Message, e.Status)
		}
	})
}

// render writes a page, buffered so a failing template sends nothing.
func (f *Forms) render(w http.ResponseWriter, status int, page string, view any) error {
	var buf bytes.Buffer
	if err := f.pages[page].ExecuteTemplate(&buf, "portal_form_layout", view); err != nil {
		return fmt.Errorf("render %s: %w", page, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
	return nil
}

// FormBase is what every page of the form carries.
type FormBase struct {
	Title    string
	CSS, JS  string
	TeamName string
	Brand    brand.Brand // the install's name and logo; zero when unset or unreadable
}

func (f *Forms) base(ctx context.Context, team string) FormBase {
	b, _ := f.s.Brand.Get(ctx) // a page without the brand beats no page
	return FormBase{CSS: f.css, JS: f.js, TeamName: team, Brand: b}
}

// FormErrorView is a plain error page.
type FormErrorView struct {
	FormBase
	Heading, Message string
}
