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
} {
	return []struct {
		pattern string
		handler widgetHandler
	}{
		{"OPTIONS /widget/v1/{team}/{rest...}", p.widgetPreflight},
		{"POST /widget/v1/{team}/tickets", p.widgetOpen},
		{"POST /widget/v1/{team}/mine", p.widgetMine},
		{"GET /widget/v1/{team}/t/{token}", p.widgetThread},
		{"POST /widget/v1/{team}/t/{token}/messages", p.widgetAnswer},
	}
}

// registerWidget adds the widget's endpoints: JSON, CORS for the team's
// allowed origins only, no cookies.
func (p *Portal) registerWidget(mux *http.ServeMux) {
	mux.Handle("GET /widget.js", p.script)
	for _, rt := range p.widgetRoutes() {
		mux.Handle(rt.pattern, httpx.JSONErrors(p.log, p.widgetGuard(rt.handler)))
	}
}

var errNoWidget = httpx.NewError(http.StatusNotFound, "not_found", "no widget here")

// widgetGuard limits calls per address, finds the team's settings and
// answers only an allowed origin.
func (p *Portal) widgetGuard(h widgetHandler) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		r.Body = http.MaxBytesReader(w, r.Body, widgetMaxBody)
		w.Header().Set("Vary", "Origin")
		if !p.widgetCalls.Allow(clientIP(r)) {
			w.Header().Set("Retry-After", "60")
			return httpx.NewError(http.StatusTooManyRequests, "rate_limited", "too many requests; wait a minute")
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

func (p *Portal) widgetPreflight(w http.ResponseWriter, _ *http.Request, _ WidgetSettings) error {
	h := w.Header()
	h.Set("Access-Control-Allow-Methods", "GET, POST")
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
	return nil
}
