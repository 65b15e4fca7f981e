package ui

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/notification"
)

// NotificationsView lists the operator's notices, newest first.
type NotificationsView struct {
	Base
	Items []NotificationRow
}

// NotificationRow is one notice as the list shows it.
type NotificationRow struct {
	notification.Notification
	When Stamp
}

// notificationsList shows the signed-in operator's notices.
func (u *UI) notificationsList(w http.ResponseWriter, r *http.Request) error {
	ns, err := u.s.Notifications.List(r.Context(), me(r).ID, 100)
	if err != nil {
		return err
	}
	v := NotificationsView{Base: u.base(r, csrfToken(r))}
	v.Section = "notifications"
	if r.URL.Query().Get("done") == "read" {
		v.Flash = "All notifications marked as read."
	}
	for _, n := range ns {
		v.Items = append(v.Items, NotificationRow{Notification: n, When: stampOf(n.CreatedAt, u.now())})
	}
	return u.render(w, r, http.StatusOK, "notifications", "", v)
}

// notificationOpen marks a notice read and goes to its ticket.
func (u *UI) notificationOpen(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	number, err := u.s.Notifications.Open(r.Context(), me(r).ID, id)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/tickets/"+strconv.FormatInt(number, 10), http.StatusSeeOther)
	return nil
}

// notificationsRead marks them all read.
func (u *UI) notificationsRead(w http.ResponseWriter, r *http.Request) error {
	if err := u.s.Notifications.ReadAll(r.Context(), me(r).ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/notifications?done=read", http.StatusSeeOther)
	return nil
}
