package ui

import (
	"errors"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/notification"
)

// accountNotifications saves how the operator wants notification mail.
func (u *UI) accountNotifications(w http.ResponseWriter, r *http.Request) error {
	p := notification.MailPreference(r.PostFormValue("notify_mail"))
	err := u.s.Notifications.SetPreference(r.Context(), me(r).ID, p)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v := u.accountView(r)
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool { return k == "notify_mail" })
		if err := u.withSignatures(r, &v, nil); err != nil {
			return err
		}
		return u.render(w, r, http.StatusUnprocessableEntity, "account", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/account?done=notify-saved", http.StatusSeeOther)
	return nil
}
