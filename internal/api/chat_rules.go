package api

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// chatRules is a channel's ordered rules (docs/chat.md, "Rules").
func (a *API) chatRules(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := a.S.Chats.Channel(r.Context(), id); err != nil {
		return err
	}
	rules, err := a.S.Chats.Rules(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": rules})
}

// putChatRules replaces a channel's rules, in the order given.
func (a *API) putChatRules(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "change chat rules"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in struct {
		Items []chat.Rule `json:"items"`
	}
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	rules, err := a.S.Chats.SetRules(r.Context(), id, in.Items)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": rules})
}
