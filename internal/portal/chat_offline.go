package portal

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

type offlineInput struct {
	Name    string `json:"name"`
	Email   string `json:"email"`
	Message string `json:"message"`
}

// readOffline reads the offline form: JSON, or multipart with files.
func (p *Portal) readOffline(r *http.Request) (chat.OfflineMessage, error) {
	var in offlineInput
	if err := decodeWidget(r, &in); err != nil {
		return chat.OfflineMessage{}, err
	}
	files, errs := customerFiles.Form(r.MultipartForm, "files")
	if len(errs) > 0 {
		return chat.OfflineMessage{}, &domain.ValidationError{Fields: errs}
	}
	atts, err := customerFiles.Store(p.s.Blobs, files)
	return chat.OfflineMessage{Name: in.Name, Email: in.Email, Message: in.Message, Files: atts}, err
}

// offlineAnswer names the ticket; its link only goes by mail, as for
// the widget's tickets of an address nobody verified.
func offlineAnswer(w http.ResponseWriter, t ticket.Ticket) {
	httpx.WriteJSON(w, http.StatusCreated, map[string]any{"ticket": map[string]any{"number": t.Number}})
}

// chatOffline: nobody can chat, so the visitor leaves a message that
// becomes a ticket (as many as new tickets through the widget allow).
func (p *Portal) chatOffline(w http.ResponseWriter, r *http.Request, ch chat.Channel) error {
	if !p.opens.Allow(r.Context(), clientIP(r)) {
		return httpx.TooMany(w, openWindow/openBurst, "too many messages from here; wait a few minutes")
	}
	in, err := p.readOffline(r)
	if err != nil {
		return err
	}
	t, err := p.s.Chats.Offline(r.Context(), ch.Slug, in)
	if err != nil {
		return err
	}
	offlineAnswer(w, t)
	return nil
}

// chatMissedOffline: after a missed chat, the form keeps what the visitor
// wrote and the ticket carries the transcript.
func (p *Portal) chatMissedOffline(w http.ResponseWriter, r *http.Request, c chat.Chat) error {
	if !p.opens.Allow(r.Context(), clientIP(r)) {
		return httpx.TooMany(w, openWindow/openBurst, "too many messages from here; wait a few minutes")
	}
	in, err := p.readOffline(r)
	if err != nil {
		return err
	}
	t, err := p.s.Chats.MissedOffline(r.Context(), c.ID, in)
	if err != nil {
		return err
	}
	offlineAnswer(w, t)
	return nil
}
