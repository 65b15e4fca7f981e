package ui

import (
	"encoding/json"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/presence"
)

// PresenceView is who else has the ticket open, for the page's script.
type PresenceView struct {
	Others []presence.Viewer `json:"others"`
}

// ticketPresence answers who else is on the ticket now.
func (u *UI) ticketPresence(w http.ResponseWriter, r *http.Request) error {
	id, err := u.ticketID(r)
	if err != nil {
		return err
	}
	return u.presenceJSON(w, r, id)
}

// ticketPresenceBeat records that this operator has the ticket open
// (typing=1 while they write), or has left it (leave=1), and answers who
// else is there.
func (u *UI) ticketPresenceBeat(w http.ResponseWriter, r *http.Request) error {
	id, err := u.ticketID(r)
	if err != nil {
		return err
	}
	if r.PostFormValue("leave") == "1" {
		return u.s.Presence.Leave(r.Context(), id, me(r).ID)
	}
	if err := u.s.Presence.Beat(r.Context(), id, me(r).ID, r.PostFormValue("typing") == "1"); err != nil {
		return err
	}
	return u.presenceJSON(w, r, id)
}

func (u *UI) presenceJSON(w http.ResponseWriter, r *http.Request, ticketID int64) error {
	others, err := u.s.Presence.Others(r.Context(), ticketID, me(r).ID)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(PresenceView{Others: others})
}
