package api

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

func (a *API) listChatChannels(w http.ResponseWriter, r *http.Request) error {
	all, err := a.S.Chats.Channels(r.Context())
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": all})
}

// channelBody creates, renames or sets the options of a channel; options
// left out keep their value, "" resets one to its default.
type channelBody struct {
	Name    *string       `json:"name"`
	Slug    *string       `json:"slug"`
	Options *chat.Options `json:"options"`
}

func (a *API) createChatChannel(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "create chat channels"); err != nil {
		return err
	}
	var in channelBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	ch, err := a.S.Chats.CreateChannel(r.Context(), chat.NewChannel{Name: deref(in.Name), Slug: deref(in.Slug)})
	if err == nil && in.Options != nil {
		ch, err = a.S.Chats.SetOptions(r.Context(), ch.ID, *in.Options)
	}
	if err != nil {
		return err
	}
	return created(w, ch)
}

func (a *API) updateChatChannel(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "change chat channels"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in channelBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	ch, err := a.S.Chats.Channel(r.Context(), id)
	if err == nil && (in.Name != nil || in.Slug != nil) {
		ch, err = a.S.Chats.RenameChannel(r.Context(), id, chat.NewChannel{Name: or(in.Name, ch.Name), Slug: or(in.Slug, ch.Slug)})
	}
	if err == nil && in.Options != nil {
		ch, err = a.S.Chats.SetOptions(r.Context(), id, *in.Options)
	}
	if err != nil {
		return err
	}
	return ok(w, ch)
}

// joinChatChannel and leaveChatChannel are the token's operator joining
// or leaving a channel ("Join channel").
func (a *API) joinChatChannel(w http.ResponseWriter, r *http.Request) error {
	return a.membership(w, r, true)
}

func (a *API) leaveChatChannel(w http.ResponseWriter, r *http.Request) error {
	return a.membership(w, r, false)
}

func (a *API) membership(w http.ResponseWriter, r *http.Request, join bool) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if join {
		err = a.S.Chats.Join(r.Context(), id, actor(r).ID)
	} else {
		err = a.S.Chats.Leave(r.Context(), id, actor(r).ID)
	}
	if err != nil {
		return err
	}
	ch, err := a.S.Chats.Channel(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, ch)
}

func or(s *string, def string) string {
	if s == nil {
		return def
	}
	return *s
}
