package portal

import (
	"errors"
	"net/http"
	"time"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// The widget's own limits per client address: calls in general, and new
// tickets, which cost an operator's attention.
const (
	widgetBurst   = 60
	widgetWindow  = time.Minute
	openBurst     = 10
	openWindow    = 10 * time.Minute
	widgetMaxBody = 64 << 10
)

// widgetHandler is a widget endpoint of one team, its origin checked.
type widgetHandler func(w http.ResponseWriter, r *http.Request, s WidgetSettings) error

func (p *Portal) widgetRoutes() []struct {
	pattern string
	handler widgetHandler
	files   bool
} {
	return []struct {
		pattern string
		handler widgetHandler
		files   bool // the post may be multipart with files
	}{
		{"OPTIONS /widget/v1/{team}/{rest...}", p.widgetPreflight, false},
		{"POST /widget/v1/{team}/hello", p.widgetHello, false},
		{"POST /widget/v1/{team}/tickets", p.widgetOpen, true},
		{"POST /widget/v1/{team}/mine", p.widgetMine, false},
		{"GET /widget/v1/{team}/t/{token}", p.widgetThread, false},
		{"POST /widget/v1/{team}/t/{token}/messages", p.widgetAnswer, true},
	}
}

// registerWidget adds the widget's endpoints: JSON, CORS for the team's
// allowed origins only, no cookies.
func (p *Portal) registerWidget(mux *http.ServeMux) {
	mux.Handle("GET /widget.js", p.script)
	mux.Handle("GET /chat.js", p.chatScript)
	for _, rt := range p.widgetRoutes() {
		mux.Handle(rt.pattern, httpx.JSONErrors(p.log, p.widgetGuard(rt.handler, rt.files)))
	}
}

var errNoWidget = httpx.NewError(http.StatusNotFound, "not_found", "no widget here")

// widgetGuard limits calls per address, finds the team's settings and
// answers only an allowed origin. A post that may carry files gets the
// public ticket page's size limit when it is multipart.
func (p *Portal) widgetGuard(h widgetHandler, files bool) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		limit := int64(widgetMaxBody)
		if files && isMultipart(r) {
			limit = maxFormBody
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		defer func() {
			if r.MultipartForm != nil {
				_ = r.MultipartForm.RemoveAll()
			}
		}()
		w.Header().Set("Vary", "Origin")
		w.Header().Set("Cache-Control", "no-store") // tickets and their tokens, for one visitor
		if !p.widgetCalls.Allow(r.Context(), clientIP(r)) {
			return httpx.TooMany(w, time.Minute, "too many requests; wait a minute")
		}
		if p.widgets == nil {
			return errNoWidget
		}
		s, err := p.widgets.WidgetSettings(r.Context(), r.PathValue("team"))
		if errors.Is(err, domain.ErrNotFound) || (err == nil && !s.Enabled) {
			return errNoWidget
		}
		if err != nil {
			return err
		}
		origin := r.Header.Get("Origin")
		if !s.allowsOrigin(origin) {
			return httpx.NewError(http.StatusForbidden, "origin", "this site may not embed the team's widget")
		}
		w.Header().Set("Access-Control-Allow-Origin", origin)
		return h(w, r, s)
	}
}

// widgetHello answers the script's first question, before it draws the
// launcher: may this site show the team's widget? The guard has already
// answered 403 (origin not allowed) or 404 (no widget); a yes is 204.
// A post, because browsers send Origin on every post, same-origin too.
func (p *Portal) widgetHello(w http.ResponseWriter, _ *http.Request, _ WidgetSettings) error {
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (p *Portal) widgetPreflight(w http.ResponseWriter, _ *http.Request, _ WidgetSettings) error {
	h := w.Header()
	h.Set("Access-Control-Allow-Methods", "GET, POST")
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
	return nil
}
