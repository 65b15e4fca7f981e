package portal

import (
	"errors"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// ChatPageView is the direct chat link's page: the channel's name, and
// its slug for chat.js, which draws the chat.
type ChatPageView struct {
	Name, Slug string
}

// chatPage answers GET /chat/{channel}, the link a team mails its
// customers; an unknown or closed channel is a plain 404.
func (p *Portal) chatPage(w http.ResponseWriter, r *http.Request) error {
	ch, err := p.s.Chats.ChannelBySlug(r.Context(), r.PathValue("channel"))
	if errors.Is(err, domain.ErrNotFound) || (err == nil && !ch.Enabled) {
		return chat.ErrNoChannel
	}
	if err != nil {
		return err
	}
	return p.pages.page(w, http.StatusOK, "portal_chat.html", ChatPageView{Name: ch.Name, Slug: ch.Slug})
}

// chatPageCSP lets the page run our chat.js and talk to us (WebSocket
// included: 'self' covers ws: and wss: on our host); nothing else.
const chatPageCSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; " +
	"img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

func chatPageHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", chatPageCSP)
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}
