package ui

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// cannedJSON lists the canned responses a team's operators may use, for
// the ":" picker of the chat box and the ticket composer (chats.js).
func (u *UI) cannedJSON(w http.ResponseWriter, r *http.Request) error {
	var team *int64
	if t, err := strconv.ParseInt(r.URL.Query().Get("team"), 10, 64); err == nil && t > 0 {
		team = &t
	}
	list, err := u.s.Chats.CannedFor(r.Context(), team)
	if err != nil {
		return err
	}
	type item struct {
		Shortcut string `json:"shortcut"`
		Body     string `json:"body"`
	}
	out := make([]item, 0, len(list))
	for _, c := range list {
		out = append(out, item{c.Shortcut, c.Body})
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(map[string]any{"items": out})
}
