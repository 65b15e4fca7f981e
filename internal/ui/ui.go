// Package ui is the agent app: server-rendered pages for operators, with
// htmx for partial updates. Every route is in routes.go; each action is
// one small handler in its own file.
package ui

import (
	"cmp"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/session"
	"github.com/frontdesk/frontdesk/web"
)

// Sign-in attempts allowed per email address and per client IP, earned
// back evenly over loginWindow. An IP gets more: a whole office may sign
// in from one address in the morning.
const (
	loginBurstEmail = 10
	loginBurstIP    = 30
	loginWindow     = 10 * time.Minute
)

// Deps is what the agent app needs.
type Deps struct {
	Services *app.Services
	Log      *slog.Logger
	BaseURL  string // an https URL makes cookies Secure
	// Heartbeat is how often an idle event stream sends a comment and
	// checks that its session still lives; 0: sseHeartbeat.
	Heartbeat time.Duration
}

// UI serves the agent app.
type UI struct {
	s        *app.Services
	log      *slog.Logger
	sessions *session.Store
	byEmail  httpx.Limiter // sign-in attempts
	byIP     httpx.Limiter
	// forgotByEmail and forgotByIP bound "forgot password" requests and
	// the tries of dead links.
	forgotByEmail, forgotByIP httpx.Limiter
	baseURL                   string // links in mail
	assets                    *assets
	pages                     *renderer
	secure                    bool
	origin                    string // scheme://host of the base URL: the only origin of operator sockets
	now                       func() time.Time
	beat                      time.Duration // of event streams
}

// New loads the embedded static files and parses the templates, so a
// broken template fails at start, not on the first request.
func New(d Deps) (*UI, error) {
	a, err := loadAssets(web.Static)
	if err != nil {
		return nil, err
	}
	pages, err := newRenderer(web.Templates, a)
	if err != nil {
		return nil, err
	}
	u, _ := url.Parse(d.BaseURL)
	return &UI{
		s: d.Services, log: d.Log, assets: a, pages: pages,
		sessions:      &session.Store{DB: d.Services.DB},
		byEmail:       d.Services.Limits("sign_in_by_email", loginBurstEmail, loginWindow),
		byIP:          d.Services.Limits("sign_in_by_ip", loginBurstIP, loginWindow),
		forgotByEmail: d.Services.Limits("password_reset_by_email", forgotBurstEmail, forgotWindow),
		forgotByIP:    d.Services.Limits("password_reset_by_ip", forgotBurstIP, forgotWindow),
		baseURL:       strings.TrimRight(d.BaseURL, "/"),
		secure:        u != nil && u.Scheme == "https",
		origin:        originOf(u),
		now:           time.Now,
		beat:          cmp.Or(d.Heartbeat, sseHeartbeat),
	}, nil
}
