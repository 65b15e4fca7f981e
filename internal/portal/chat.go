package portal

import (
	"errors"
	"net/http"
	"time"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// New chats per visitor id, and per client address, earned back over
// the window (docs/chat.md). An address gets more: an office or a mobile
// carrier puts many visitors behind one.
const (
	chatStartBurst     = 10
	chatStartAddrBurst = 30
	chatStartWindow    = 10 * time.Minute
)

// The visitor's chat endpoints (docs/chat.md). Every path has a literal
// after "chat" that is not "t", so none clashes with /widget/v1/{team}/...
func (p *Portal) chatRoutes() []struct {
	pattern string
	handler httpx.HandlerFunc
} {
	ch, tk := p.withChannel, p.withChat
	return []struct {
		pattern string
		handler httpx.HandlerFunc
	}{
		{"GET /widget/v1/chat/channels/{channel}", ch(p.chatChannel)},
		{"POST /widget/v1/chat/channels/{channel}/chats", ch(p.chatStart)},
		{"POST /widget/v1/chat/channels/{channel}/offline", ch(p.chatOffline)},
		{"GET /widget/v1/chat/chats/{token}", tk(p.chatShow)},
		{"GET /widget/v1/chat/chats/{token}/messages", tk(p.chatMessages)},
		{"POST /widget/v1/chat/chats/{token}/messages", tk(p.chatPost)},
		{"POST /widget/v1/chat/chats/{token}/end", tk(p.chatEnd)},
		{"POST /widget/v1/chat/chats/{token}/rating", tk(p.chatRate)},
		{"POST /widget/v1/chat/chats/{token}/transcript", tk(p.chatTranscript)},
		{"POST /widget/v1/chat/chats/{token}/offline", tk(p.chatMissedOffline)},
		{"GET /widget/v1/chat/chats/{token}/files/{id}", tk(p.chatFile)},
		{"GET /widget/v1/chat/chats/{token}/socket", tk(p.chatSocket)},
	}
}

func (p *Portal) registerChat(mux *http.ServeMux) {
	mux.Handle("OPTIONS /widget/v1/chat/{rest...}", httpx.JSONErrors(p.log, p.chatPreflight))
	for _, rt := range p.chatRoutes() {
		mux.Handle(rt.pattern, httpx.JSONErrors(p.log, p.chatLimits(rt.handler)))
	}
}

// chatLimits bounds the body (files go through the widget's limits) and
// the calls per address, as for the widget.
func (p *Portal) chatLimits(next httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		limit := int64(widgetMaxBody)
		if isMultipart(r) {
			limit = maxFormBody
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		defer func() {
			if r.MultipartForm != nil {
				_ = r.MultipartForm.RemoveAll()
			}
		}()
		w.Header().Set("Vary", "Origin")
		w.Header().Set("Cache-Control", "no-store")
		if !p.widgetCalls.Allow(r.Context(), clientIP(r)) {
			readable(w, r)
			return httpx.TooMany(w, time.Minute, "too many requests; wait a minute")
		}
		return next(w, r)
	}
}

// readable lets the calling page read an answer that tells it nothing of
// any team or chat (a limit reached, no such channel or chat), so the
// chat window can say what happened instead of "could not reach".
func readable(w http.ResponseWriter, r *http.Request) {
	if o := r.Header.Get("Origin"); o != "" {
		w.Header().Set("Access-Control-Allow-Origin", o)
	}
}

// The preflight answers any origin: the request itself carries no
// credentials and is refused without CORS headers unless its origin is
// allowed (allowOrigin), so a preflight grants nothing by itself.
func (p *Portal) chatPreflight(w http.ResponseWriter, r *http.Request) error {
	h := w.Header()
	h.Set("Vary", "Origin")
	if o := r.Header.Get("Origin"); o != "" {
		h.Set("Access-Control-Allow-Origin", o)
	}
	h.Set("Access-Control-Allow-Methods", "GET, POST")
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type channelHandler func(w http.ResponseWriter, r *http.Request, ch chat.Channel) error
type chatHandler func(w http.ResponseWriter, r *http.Request, c chat.Chat) error

// withChannel finds the channel and checks the origin against its team.
func (p *Portal) withChannel(h channelHandler) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ch, err := p.s.Chats.ChannelBySlug(r.Context(), r.PathValue("channel"))
		if errors.Is(err, domain.ErrNotFound) {
			// Every page with the widget asks whether its team chats
			// (else each page view logs a CORS error).
			readable(w, r)
		}
		if err != nil {
			return err
		}
		if err := p.allowOrigin(w, r, ch.Team); err != nil {
			return err
		}
		return h(w, r, ch)
	}
}

// withChat finds the chat the token names, within the same budget of
// misses per address as every other token, and checks the origin.
func (p *Portal) withChat(h chatHandler) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ip := clientIP(r)
		if !p.misses.Allow(r.Context(), ip) {
			readable(w, r)
			return httpx.TooMany(w, app.TokenGuessWindow, "too many requests; wait a minute")
		}
		c, err := p.s.Chats.ByToken(r.Context(), r.PathValue("token"))
		if errors.Is(err, domain.ErrNotFound) {
			readable(w, r) // the window forgets the token and starts afresh
			return chat.ErrNotFound
		}
		if err != nil {
			return err
		}
		p.misses.Refund(r.Context(), ip)
		ch, err := p.s.Chats.Channel(r.Context(), c.ChannelID)
		if err != nil {
			return err
		}
		if err := p.allowOrigin(w, r, ch.Team); err != nil {
			return err
		}
		return h(w, r, c)
	}
}

var errChatOrigin = httpx.NewError(http.StatusForbidden, "origin", "this site may not embed the team's chat")

// allowOrigin admits the base URL's own origin (the direct chat page)
// and the team's allowed widget origins; a request without Origin (not a
// browser's cross-site call) is let through without CORS headers.
func (p *Portal) allowOrigin(w http.ResponseWriter, r *http.Request, team *chat.TeamRef) error {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return nil
	}
	ok := p.origin != "" && origin == p.origin
	if !ok && team != nil && p.widgets != nil {
		s, err := p.widgets.WidgetSettings(r.Context(), team.Slug)
		if err != nil && !errors.Is(err, domain.ErrNotFound) {
			return err
		}
		ok = err == nil && s.allowsOrigin(origin)
	}
	if !ok {
		return errChatOrigin
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	return nil
}
