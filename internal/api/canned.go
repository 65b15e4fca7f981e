package api

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// cannedBody creates or changes a canned response; team_id null shares it
// with every team.
type cannedBody struct {
	TeamID   *int64  `json:"team_id"`
	Shortcut *string `json:"shortcut"`
	Body     *string `json:"body"`
}

func (b cannedBody) over(c chat.Canned) chat.Canned {
	if b.TeamID != nil {
		c.TeamID = b.TeamID
		if *b.TeamID == 0 {
			c.TeamID = nil
		}
	}
	c.Shortcut, c.Body = or(b.Shortcut, c.Shortcut), or(b.Body, c.Body)
	return c
}

// listCanned lists the responses a team's operators use (?team=ID), or
// the shared ones.
func (a *API) listCanned(w http.ResponseWriter, r *http.Request) error {
	var team *int64
	if v := r.URL.Query().Get("team"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return domain.Invalid("team", "must be a team id")
		}
		team = &id
	}
	items, err := a.S.Chats.CannedFor(r.Context(), team)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": items})
}

func (a *API) createCanned(w http.ResponseWriter, r *http.Request) error {
	var in cannedBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	c, err := a.S.Chats.SaveCanned(r.Context(), in.over(chat.Canned{}))
	if err != nil {
		return err
	}
	return created(w, c)
}

func (a *API) updateCanned(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in cannedBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	cur, err := a.S.Chats.CannedByID(r.Context(), id)
	if err != nil {
		return err
	}
	c, err := a.S.Chats.SaveCanned(r.Context(), in.over(cur))
	if err != nil {
		return err
	}
	return ok(w, c)
}

func (a *API) deleteCanned(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := a.S.Chats.DeleteCanned(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
