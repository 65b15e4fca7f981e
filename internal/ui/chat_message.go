package ui

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/chat"
)

// chatMessage sends the answer box as a form: without script, and with
// files (chats.js sends text alone on the socket). Files pass the upload
// policy of the ticket composer; a body starting with "/" is a command
// whose answer only operators see.
func (u *UI) chatMessage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	atts, err := u.uploadsUnder(chatFiles, r, "files")
	if err != nil {
		return err
	}
	m := chat.NewMessage{ChatID: id, Author: chat.Operator, OperatorID: me(r).ID,
		Body: r.PostFormValue("body"), ClientID: r.PostFormValue("client_id")}
	for _, a := range atts {
		m.Files = append(m.Files, chat.File{Name: a.Filename, Size: a.Size, ContentType: a.ContentType, SHA256: a.SHA256})
	}
	if _, err = u.s.Chats.Post(r.Context(), m); err != nil {
		return err
	}
	http.Redirect(w, r, "/chats/"+strconv.FormatInt(id, 10)+"#chat-body", http.StatusSeeOther)
	return nil
}
