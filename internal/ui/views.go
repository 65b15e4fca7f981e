package ui

import (
	"encoding/json"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/operator"
)

// Base is what every page's view model carries: who is signed in, the
// CSRF token its forms send, and a one-line message.
type Base struct {
	Operator  operator.Operator
	CSRF      string
	HXHeaders string // JSON for <body hx-headers>: htmx sends the token on every request
	Flash     string
	Section   string // the main navigation entry to mark as current
	SearchQ   string // what the top bar's search box holds (the search page)
	// Availability is the operator's chat status for the top bar's switch.
	Availability chat.Availability
	Path         string // this page, for forms that come back to it
	Unread       int    // the operator's unread notifications, for the badge
}

// base fills Base for the request, with the token of its session (or of
// the anonymous sign-in form).
func (u *UI) base(r *http.Request, csrf string) Base {
	b := Base{CSRF: csrf}
	if sc, ok := fromContext(r.Context()); ok {
		b.Operator = sc.operator
		b.Availability = u.chatAvailability(r, sc.operator.ID)
		b.Path = r.URL.RequestURI()
		b.Unread, _ = u.s.Notifications.Unread(r.Context(), sc.operator.ID) // a failed count shows none
	}
	if csrf != "" {
		h, _ := json.Marshal(map[string]string{csrfHeader: csrf})
		b.HXHeaders = string(h)
	}
	return b
}

// LoginView is the sign-in form, refilled after a failed attempt.
type LoginView struct {
	Base
	Email  string
	Next   string
	Error  string            // about the whole form
	Errors map[string]string // per field: email, password
}

// ErrorView is a page that says what went wrong.
type ErrorView struct {
	Base
	Heading string
	Message string
}
