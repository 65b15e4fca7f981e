package ui

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// route is one line of the table: pattern, whether it needs a signed-in
// operator, handler.
type route struct {
	pattern  string
	operator bool
	handler  httpx.HandlerFunc
}

func (u *UI) routes() []route {
	return []route{
		{"GET /static/{path...}", false, u.static},

		{"GET /login", false, u.loginShow},
		{"POST /login", false, u.loginSubmit},
		{"POST /logout", true, u.logout},

		{"GET /{$}", false, u.home},
		{"GET /inbox", true, u.inbox},

		{"GET /board", true, u.boardDefault},
		{"GET /pipelines/{id}/board", true, u.board},
		{"POST /tickets/{id}/status", true, u.ticketStatus},
		{"GET /tickets/new", true, u.ticketNew},
		{"POST /tickets/new", true, u.ticketCreate},

		{"GET /tickets/{id}", true, u.ticketShow},
		{"POST /tickets/{id}", true, u.ticketUpdate},
		{"POST /tickets/{id}/messages", true, u.ticketMessage},
		{"POST /tickets/{id}/link", true, u.ticketRotateLink},

		{"GET /contacts", true, u.contactsList},
		{"GET /contacts/{id}", true, u.contactShow},
		{"POST /contacts/{id}", true, u.contactUpdate},
		{"GET /contacts/{id}/merge", true, u.contactMergeShow},
		{"POST /contacts/{id}/merge", true, u.contactMerge},

		{"/", false, u.notFound},
	}
}

// maxFormBody bounds a form post; attachments will get their own limit.
const maxFormBody = 1 << 20

// Register adds every route to mux. Each request gets the security
// headers, a bounded body and the CSRF check; operator routes first need
// a session.
func (u *UI) Register(mux *http.ServeMux) {
	for _, rt := range u.routes() {
		h := checkCSRF(rt.handler)
		if rt.operator {
			h = u.requireSession(h)
		}
		mux.Handle(rt.pattern, securityHeaders(u.htmlErrors(limitBody(h))))
	}
}

func limitBody(next httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
		return next(w, r)
	}
}
