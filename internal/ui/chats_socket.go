package ui

import (
	"context"
	"net/http"
	"net/url"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

var errSocketOrigin = httpx.NewError(http.StatusForbidden, "origin", "chat sockets open only from the agent app")

// chatsSocket is the operator's chat WebSocket (docs/chat.md): the
// session signs them in; the origin must be the app's own, since a
// socket, unlike a form post, carries no CSRF token.
func (u *UI) chatsSocket(w http.ResponseWriter, r *http.Request) error {
	if u.origin == "" || r.Header.Get("Origin") != u.origin {
		return errSocketOrigin
	}
	sc, _ := fromContext(r.Context())
	alive := func(ctx context.Context) bool {
		live, err := u.sessions.Live(ctx, sc.secret)
		return err != nil || live // a database hiccup does not cut the socket
	}
	return u.s.ChatHub.Operator(w, r, chat.Person{ID: sc.operator.ID, Name: sc.operator.Name}, alive)
}

func originOf(u *url.URL) string {
	if u == nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
