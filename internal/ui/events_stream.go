package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/frontdesk/frontdesk/internal/events"
)

// sseHeartbeat is how often an idle stream sends a comment, so proxies
// keep it open and a dead client is noticed.
const sseHeartbeat = 25 * time.Second

// sseWriteSlack is how long past a heartbeat each write may take; the
// deadline moves on before every write, so the server's WriteTimeout never
// cuts the stream.
const sseWriteSlack = 30 * time.Second

// eventsStream sends ticket events to a signed-in operator's inbox, and
// the operator's unread notifications to the bell on every page, as
// server-sent events, until the client goes away or its session ends (a
// sign-out elsewhere, a password change): each heartbeat checks.
func (u *UI) eventsStream(w http.ResponseWriter, r *http.Request) error {
	rc := http.NewResponseController(w)
	sub := u.s.Events.Subscribe()
	defer sub.Close()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	sc, _ := fromContext(r.Context())
	beat := time.NewTicker(u.beat)
	defer beat.Stop()
	bell := &bell{n: u.s.Notifications, opID: me(r).ID, last: -1}
	look := time.After(0) // the bell's count, at once and then after events
	msg := "retry: 5000\n\n"
	for {
		if err := rc.SetWriteDeadline(time.Now().Add(u.beat + sseWriteSlack)); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return nil
		}
		if msg != "" {
			if _, err := fmt.Fprint(w, msg); err != nil {
				return nil // the client went away
			}
			if err := rc.Flush(); err != nil {
				return nil
			}
		}
		select {
		case <-r.Context().Done():
			return nil
		case ev, ok := <-sub.C:
			if !ok {
				return nil
			}
			msg = ""
			if ev.Kind == events.Notice { // a notice added or read: the bell looks again, shortly after its commit
				if ev.OperatorID == bell.opID && look == nil {
					look = time.After(bellDelay)
				}
				continue
			}
			if ev.IsChat() || ev.Kind == events.Resync {
				continue // chats have their own socket (docs/chat.md)
			}
			data, _ := json.Marshal(ev)
			msg = fmt.Sprintf("event: %s\ndata: %s\n\n", ev.Kind, data)
		case <-look:
			look = nil
			msg = bell.message(r.Context())
		case <-beat.C:
			if live, err := u.sessions.Live(r.Context(), sc.secret); err == nil && !live {
				return nil // the browser reconnects and is sent to sign in
			}
			msg = ": heartbeat\n\n"
		}
	}
}
