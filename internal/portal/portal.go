// Package portal is what customers see without an account: the public
// page of a ticket at /t/{token}. Every route is in the table below; each
// action is one small handler in its own file.
package portal

import (
	"log/slog"
	"net/http"
	"net/url"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/web"
)

// Limits on what a customer may attach to one comment.
const (
	MaxFileSize  = 10 << 20
	MaxFiles     = 5
	maxFormBody  = MaxFiles*MaxFileSize + 1<<20
	formInMemory = 1 << 20
)

// Deps is what the public pages need. Asset resolves a static file's
// name to its fingerprinted URL (the agent app serves /static/).
type Deps struct {
	Services *app.Services
	Log      *slog.Logger
	BaseURL  string
	Asset    func(name string) (string, error)
	// Widgets reads teams' widget settings; nil leaves /widget/v1/ at 404.
	Widgets WidgetConfig
}

// Portal serves the customer-facing pages.
type Portal struct {
	s     *app.Services
	log   *slog.Logger
	pages *renderer
	// misses is the budget of ticket tokens naming nothing per client
	// address, shared with every other place a token is looked up.
	misses httpx.Limiter
	// Comments per ticket and per client address (ticket_comment.go).
	commentsByTicket, commentsByIP httpx.Limiter
	// The widget's endpoints.
	widgets          WidgetConfig
	widgetCalls      httpx.Limiter
	opens            httpx.Limiter
	chatStarts       httpx.Limiter // new chats per visitor, transcript mails per address
	chatStartsByAddr httpx.Limiter // new chats per address
	ratings          httpx.Limiter // ticket ratings per address (rating.go)
	script           *widgetScript
	chatScript       *widgetScript // the chat window, loaded by the widget on demand
	origin           string        // scheme://host of the base URL
	secure           bool          // cookies only over TLS
}

// New parses the templates, so a broken one fails at start.
func New(d Deps) (*Portal, error) {
	pages, err := newRenderer(web.Templates, d.Asset)
	if err != nil {
		return nil, err
	}
	limits := d.Services.Limits
	p := &Portal{
		s: d.Services, log: d.Log, pages: pages, widgets: d.Widgets,
		misses:           d.Services.TokenGuesses,
		commentsByTicket: limits("comments_by_ticket", commentBurstTicket, commentWindow),
		commentsByIP:     limits("comments_by_ip", commentBurstIP, commentWindow),
		widgetCalls:      limits("widget_calls", widgetBurst, widgetWindow),
		opens:            limits("widget_opens", openBurst, openWindow),
		chatStarts:       limits("chat_starts", chatStartBurst, chatStartWindow),
		chatStartsByAddr: limits("chat_starts_addr", chatStartAddrBurst, chatStartWindow),
		ratings:          limits("ticket_ratings", ratingBurst, ratingWindow),
	}
	if p.script, err = loadWidgetScript("widget.js"); err != nil {
		return nil, err
	}
	if p.chatScript, err = loadWidgetScript("chat.js"); err != nil {
		return nil, err
	}
	if u, err := url.Parse(d.BaseURL); err == nil && u.Host != "" {
		p.origin, p.secure = u.Scheme+"://"+u.Host, u.Scheme == "https"
	}
	return p, nil
}

// route is one line of the table: the handler gets the ticket the token
// names, already looked up within the rate limit.
type route struct {
	pattern string
	handler ticketHandler
}

func (p *Portal) routes() []route {
	return []route{
		{"GET /t/{token}", p.ticketShow},
		{"POST /t/{token}/comments", p.sameSite(p.ticketComment)},
		{"POST /t/{token}/close", p.sameSite(p.ticketClose)},
		{"POST /t/{token}/reopen", p.sameSite(p.ticketReopen)},
		{"GET /t/{token}/files/{id}", p.ticketFile},
	}
}

// Register adds every route to mux, each behind the security headers,
// a bounded body and the token lookup.
func (p *Portal) Register(mux *http.ServeMux) {
	for _, rt := range p.routes() {
		mux.Handle(rt.pattern, securityHeaders(p.htmlErrors(limitBody(p.withTicket(rt.handler)))))
	}
	mux.Handle("GET /chat/{channel}", chatPageHeaders(p.htmlErrors(p.chatPage)))
	mux.Handle("GET /rate/{token}", securityHeaders(p.htmlErrors(p.ratingShow)))
	mux.Handle("POST /rate/{token}", securityHeaders(p.htmlErrors(limitBody(p.ratingSave))))
	p.registerWidget(mux)
	p.registerChat(mux)
	p.registerBrand(mux)
}

func limitBody(next httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
		return next(w, r)
	}
}
