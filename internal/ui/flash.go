package ui

import (
	"net/http"
	"net/url"
)

// flashCookie carries a one-time message across a redirect after a post
// (a bulk action's summary), so a reload shows the page, not the post.
const flashCookie = "frontdesk_flash"

func (u *UI) setFlash(w http.ResponseWriter, msg string) {
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: url.QueryEscape(msg), Path: "/", MaxAge: 60,
		HttpOnly: true, Secure: u.secure, SameSite: http.SameSiteLaxMode})
}

// takeFlash reads the message and clears it, so it shows once.
func (u *UI) takeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return ""
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Path: "/", MaxAge: -1, HttpOnly: true, Secure: u.secure,
		SameSite: http.SameSiteLaxMode})
	msg, _ := url.QueryUnescape(c.Value)
	return msg
}
