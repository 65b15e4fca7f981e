package ui

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/notification"
	"github.com/frontdesk/frontdesk/internal/operator"
)

// AccountView is the signed-in operator's own account: their name and a
// password change. Name is as typed after a refused save.
type AccountView struct {
	SettingsBase
	Name       string
	Capacity   string                   // how many chats at once, as typed
	Signatures []operator.TeamSignature // one per team the operator is in
	NotifyMail notification.MailPreference
}

// Field is an input of the account page's forms.
func (v AccountView) Field(id string) SField {
	f := SField{ID: id, Error: v.Errors[id], Required: true, Type: "password"}
	switch id {
	case "name":
		f.Label, f.Value, f.Type = "Display name", v.Name, "text"
		f.Hint = "Customers see it on your replies."
	case "current_password":
		f.Label = "Current password"
	case "password":
		f.Label, f.Hint = "New password", "At least 10 characters. Your other signed-in browsers are signed out; API tokens keep working."
	case "password_confirm":
		f.Label = "New password again"
	case "capacity":
		f.Label, f.Value, f.Type = "Chats at once", v.Capacity, "number"
		f.Hint = "New chats go to someone else while you hold this many. 1 to 50."
	}
	return f
}

func (u *UI) accountView(r *http.Request) AccountView {
	v := AccountView{SettingsBase: u.settingsBase(r, "account"), Name: me(r).Name}
	v.Capacity = strconv.Itoa(v.Availability.Capacity)
	v.NotifyMail, _ = u.s.Notifications.Preference(r.Context(), me(r).ID) // a failed read shows none chosen
	v.Section = "account"
	return v
}

func (u *UI) account(w http.ResponseWriter, r *http.Request) error {
	v := u.accountView(r)
	v.Flash = notice(r)
	if err := u.withSignatures(r, &v, nil); err != nil {
		return err
	}
	return u.render(w, r, http.StatusOK, "account", "", v)
}

// accountSave renames the signed-in operator.
func (u *UI) accountSave(w http.ResponseWriter, r *http.Request) error {
	name := r.PostFormValue("name")
	_, err := u.s.Operators.Update(r.Context(), me(r), me(r).ID, operator.Patch{Name: &name})
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v := u.accountView(r)
		v.Name = name
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool { return k == "name" })
		if err := u.withSignatures(r, &v, nil); err != nil {
			return err
		}
		return u.render(w, r, http.StatusUnprocessableEntity, "account", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/account?done=account-saved", http.StatusSeeOther)
	return nil
}
