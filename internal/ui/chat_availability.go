package ui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// chatAvailability is the top bar's chat status. Opening a page is
// activity: an online operator's page view keeps them from "away", as
// their socket's frames do. A failed read shows "offline" rather than
// failing the page.
func (u *UI) chatAvailability(r *http.Request, operatorID int64) chat.Availability {
	a, err := u.s.Chats.Availability(r.Context(), operatorID)
	if err != nil {
		return chat.Availability{Status: chat.Offline, Effective: chat.Offline, Capacity: chat.DefaultCapacity}
	}
	// A page view is activity; written at most twice a minute, as the
	// socket does, so browsing costs no write per page.
	if a.Status == chat.Online && r.Method == http.MethodGet && time.Since(a.LastSeen) > 30*time.Second {
		if u.s.Chats.Seen(r.Context(), operatorID) == nil {
			a.Effective = chat.Online
		}
	}
	return a
}

// chatAvailabilitySave is the top bar's Online / Away / Offline switch.
func (u *UI) chatAvailabilitySave(w http.ResponseWriter, r *http.Request) error {
	if _, err := u.s.Chats.SetAvailability(r.Context(), me(r).ID, chat.Status(r.PostFormValue("status"))); err != nil {
		return err
	}
	http.Redirect(w, r, backTo(r), http.StatusSeeOther)
	return nil
}

// backTo is the page the form came from (its "back" field), only a path
// of this app (safeNext's rule), so a crafted form cannot send the
// operator elsewhere.
func backTo(r *http.Request) string {
	if back := r.PostFormValue("back"); back != "" && safeNext(back) == back {
		return back
	}
	return "/chats"
}

// accountChat saves the operator's chat capacity (My account).
func (u *UI) accountChat(w http.ResponseWriter, r *http.Request) error {
	n, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue("capacity")))
	if err != nil {
		n = 0 // refused below with the field's message
	}
	if err := u.s.Chats.SetCapacity(r.Context(), me(r).ID, n); err != nil {
		v := u.accountView(r)
		v.Capacity = r.PostFormValue("capacity")
		v.Errors["capacity"] = "Must be a whole number between 1 and 50"
		return u.render(w, r, http.StatusUnprocessableEntity, "account", "", v)
	}
	http.Redirect(w, r, "/settings/account?done=capacity-saved", http.StatusSeeOther)
	return nil
}
