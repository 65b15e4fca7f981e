package api

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/notification"
)

// listNotifications lists the token's operator's notices, newest first:
// ?unread=true for the unread ones, ?cursor= for the next page.
func (a *API) listNotifications(w http.ResponseWriter, r *http.Request) error {
	limit, err := queryLimit(r)
	if err != nil {
		return err
	}
	f := notification.Filter{Limit: limit}
	switch r.URL.Query().Get("unread") {
	case "", "false":
	case "true":
		f.Unread = true
	default:
		return domain.Invalid("unread", "must be true or false")
	}
	if c := r.URL.Query().Get("cursor"); c != "" {
		if f.Before, err = strconv.ParseInt(c, 10, 64); err != nil || f.Before <= 0 {
			return domain.Invalid("cursor", "must be the next_cursor of the previous page")
		}
	}
	items, err := a.S.Notifications.Find(r.Context(), actor(r).ID, f)
	if err != nil {
		return err
	}
	next := ""
	if len(items) == limit {
		next = strconv.FormatInt(items[len(items)-1].ID, 10)
	}
	unread, err := a.S.Notifications.Unread(r.Context(), actor(r).ID)
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": items, "next_cursor": next, "unread": unread})
}

// readNotification marks one of the operator's notices read.
func (a *API) readNotification(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := a.S.Notifications.MarkRead(r.Context(), actor(r).ID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// readAllNotifications marks every notice of the operator read.
func (a *API) readAllNotifications(w http.ResponseWriter, r *http.Request) error {
	if err := a.S.Notifications.ReadAll(r.Context(), actor(r).ID); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
