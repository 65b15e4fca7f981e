package api

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/chatbot"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// The chatbot scripts (docs/chat.md, "Chatbots"): any operator reads
// them, admins change them.

func (a *API) listChatbots(w http.ResponseWriter, r *http.Request) error {
	all, err := a.S.Chatbots.List(r.Context())
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": all})
}

func (a *API) getChatbot(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	sc, err := a.S.Chatbots.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, sc)
}

func (a *API) createChatbot(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "create chatbots"); err != nil {
		return err
	}
	var in chatbot.Input
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	sc, err := a.S.Chatbots.Create(r.Context(), in)
	if err != nil {
		return err
	}
	return created(w, sc)
}

func (a *API) updateChatbot(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "change chatbots"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in chatbot.Input
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	sc, err := a.S.Chatbots.Update(r.Context(), id, in)
	if err != nil {
		return err
	}
	return ok(w, sc)
}

func (a *API) deleteChatbot(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "delete chatbots"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := a.S.Chatbots.Delete(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
