package ui

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/httpx"
)

// chatFile sends a file of a chat's message (private ones included: only
// operators reach this route), with the download policy of ticket files.
func (u *UI) chatFile(w http.ResponseWriter, r *http.Request) error {
	chatID, err := pathID(r, "id")
	if err != nil {
		return err
	}
	fileID, err := pathID(r, "fid")
	if err != nil {
		return err
	}
	f, err := u.s.Chats.ChatFile(r.Context(), chatID, fileID, true)
	if err != nil {
		return err
	}
	content, err := u.s.Blobs.Open(f.SHA256)
	if err != nil {
		return err
	}
	defer content.Close()
	httpx.ServeFile(w, r, content, f.Name, f.ContentType)
	return nil
}
