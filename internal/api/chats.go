package api

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// chatStates maps the list filter's names to chat states.
var chatStates = map[string]chat.State{"": "", "waiting": chat.Queued, "active": chat.Active, "ended": chat.Ended}

func (a *API) listChats(w http.ResponseWriter, r *http.Request) error {
	st, known := chatStates[r.URL.Query().Get("state")]
	if !known {
		return domain.Invalid("state", "must be waiting, active or ended")
	}
	limit, err := queryLimit(r)
	if err != nil {
		return err
	}
	var after int64
	if c := r.URL.Query().Get("cursor"); c != "" {
		if after, err = strconv.ParseInt(c, 10, 64); err != nil || after <= 0 {
			return domain.Invalid("cursor", "is not a cursor this API gave")
		}
	}
	items, err := a.S.Chats.List(r.Context(), chat.Filter{State: st, After: after, Limit: limit})
	if err != nil {
		return err
	}
	var next *string
	if len(items) == limit {
		s := strconv.FormatInt(items[len(items)-1].ID, 10)
		next = &s
	}
	return ok(w, map[string]any{"items": items, "next_cursor": next})
}

func (a *API) getChat(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	c, err := a.S.Chats.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, c)
}

// chatMessages is the operators' replay: every message after a seq,
// private ones (commands and their answers) included.
func (a *API) chatMessages(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	after, err := queryInt(r, "after")
	if err != nil {
		return err
	}
	var from int64
	if after != nil {
		from = int64(*after)
	}
	if _, err := a.S.Chats.Get(r.Context(), id); err != nil {
		return err
	}
	ms, err := a.S.Chats.Messages(r.Context(), id, from, true)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": ms})
}

// postChatMessage sends as the token's operator; a body starting with
// "/" runs a command and answers with the command's private answer.
func (a *API) postChatMessage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in struct {
		Body     string `json:"body"`
		ClientID string `json:"client_id"`
	}
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	m, err := a.S.Chats.Post(r.Context(), chat.NewMessage{ChatID: id, Author: chat.Operator, OperatorID: actor(r).ID,
		Body: in.Body, ClientID: in.ClientID})
	if err != nil {
		return err
	}
	return created(w, map[string]any{"message": m})
}

func (a *API) endChat(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	c, err := a.S.Chats.End(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"chat": c})
}

func (a *API) setAvailability(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Status   chat.Status `json:"status"`
		Capacity *int        `json:"capacity"`
	}
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	if in.Capacity != nil {
		if err := a.S.Chats.SetCapacity(r.Context(), actor(r).ID, *in.Capacity); err != nil {
			return err
		}
	}
	av, err := a.S.Chats.SetAvailability(r.Context(), actor(r).ID, in.Status)
	if err != nil {
		return err
	}
	return ok(w, av)
}

// contactChats lists a contact's chats, newest first.
func (a *API) contactChats(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := a.S.Contacts.Get(r.Context(), id); err != nil {
		return err
	}
	limit, err := queryLimit(r)
	if err != nil {
		return err
	}
	items, err := a.S.Chats.ForContact(r.Context(), id, limit)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": items})
}
