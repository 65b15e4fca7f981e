package portal

import (
	"net/http"
	"strconv"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// chatPost adds the visitor's message over HTTP: JSON, or multipart with
// files (the widget's limits and type checks) and a "payload" part.
func (p *Portal) chatPost(w http.ResponseWriter, r *http.Request, c chat.Chat) error {
	var in struct {
		Body     string `json:"body"`
		ClientID string `json:"client_id"`
	}
	if err := decodeWidget(r, &in); err != nil {
		return err
	}
	files, errs := customerFiles.Form(r.MultipartForm, "files")
	if len(errs) > 0 {
		return &domain.ValidationError{Fields: errs}
	}
	ctx := r.Context()
	if p.s.ChatHub.Sends != nil && (!p.s.ChatHub.Sends.Allow(ctx, "chat:"+strconv.FormatInt(c.ID, 10)) ||
		!p.s.ChatHub.Sends.Allow(ctx, "addr:"+clientIP(r))) {
		return httpx.TooMany(w, 10*time.Second, "too many messages; wait a moment")
	}
	atts, err := customerFiles.Store(p.s.Blobs, files)
	if err != nil {
		return err
	}
	m := chat.NewMessage{ChatID: c.ID, Author: chat.Visitor, Body: in.Body, ClientID: in.ClientID}
	for _, a := range atts {
		m.Files = append(m.Files, chat.File{Name: a.Filename, Size: a.Size, ContentType: a.ContentType, SHA256: a.SHA256})
	}
	msg, err := p.s.Chats.Post(ctx, m)
	if err != nil {
		return err
	}
	httpx.WriteJSON(w, http.StatusCreated, map[string]any{"message": msg})
	return nil
}

// chatFile serves a file of one of the chat's public messages.
func (p *Portal) chatFile(w http.ResponseWriter, r *http.Request, c chat.Chat) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return chat.ErrNotFound
	}
	f, err := p.s.Chats.ChatFile(r.Context(), c.ID, id, false)
	if err != nil {
		return err
	}
	content, err := p.s.Blobs.Open(f.SHA256)
	if err != nil {
		return err
	}
	defer content.Close()
	httpx.ServeFile(w, r, content, f.Name, f.ContentType)
	return nil
}
