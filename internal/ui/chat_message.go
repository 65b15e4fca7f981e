package ui

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// chatMessage sends the answer box without script (chats.js sends it on
// the socket instead); a body starting with "/" is a command whose answer
// only operators see.
func (u *UI) chatMessage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	_, err = u.s.Chats.Post(r.Context(), chat.NewMessage{ChatID: id, Author: chat.Operator, OperatorID: me(r).ID,
		Body: r.PostFormValue("body"), ClientID: r.PostFormValue("client_id")})
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/chats/"+strconv.FormatInt(id, 10)+"#chat-body", http.StatusSeeOther)
	return nil
}
