package ui

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/operator"
)

// OperatorsView lists the operators, with the form to add one.
type OperatorsView struct {
	SettingsBase
	Operators []operator.Operator
	New       operator.NewOperator // as typed, after a refused create
}

// Field is an input of the new-operator form.
func (v OperatorsView) Field(id string) SField {
	f := SField{ID: id, Error: v.Errors[id], Required: true}
	switch id {
	case "email":
		f.Label, f.Value, f.Type = "Email", v.New.Email, "email"
	case "name":
		f.Label, f.Value = "Name", v.New.Name
	case "password":
		f.Label, f.Type, f.Hint = "Password", "password", "At least 10 characters; they can change it later."
	}
	return f
}

func (u *UI) operatorsPage(w http.ResponseWriter, r *http.Request, status int, v OperatorsView) error {
	ops, err := u.s.Operators.List(r.Context())
	if err != nil {
		return err
	}
	v.Operators = ops
	return u.render(w, r, status, "settings_operators", "", v)
}

func (u *UI) settingsOperators(w http.ResponseWriter, r *http.Request) error {
	v := OperatorsView{SettingsBase: u.settingsBase(r, "operators"), New: operator.NewOperator{Role: operator.Agent}}
	v.Flash = notice(r)
	return u.operatorsPage(w, r, http.StatusOK, v)
}

func (u *UI) settingsOperatorCreate(w http.ResponseWriter, r *http.Request) error {
	in := operator.NewOperator{Email: r.PostFormValue("email"), Name: r.PostFormValue("name"),
		Role: operator.Role(r.PostFormValue("role")), Password: r.PostFormValue("password")}
	typed := in
	_, err := u.s.Operators.Create(r.Context(), in)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v := OperatorsView{SettingsBase: u.settingsBase(r, "operators"), New: typed}
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool {
			return slices.Contains([]string{"email", "name", "password", "role"}, k)
		})
		return u.operatorsPage(w, r, http.StatusUnprocessableEntity, v)
	} else if errors.Is(err, domain.ErrConflict) {
		v := OperatorsView{SettingsBase: u.settingsBase(r, "operators"), New: typed}
		v.Errors["email"] = sentenceCase(err.Error())
		return u.operatorsPage(w, r, http.StatusConflict, v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/operators?done=operator-created", http.StatusSeeOther)
	return nil
}

// settingsOperatorUpdate changes a role, (de)activates or resets a
// password, which signs that operator out everywhere; a broken rule, such
// as demoting the last admin or a short password, is shown above the list.
func (u *UI) settingsOperatorUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if r.PostForm.Has("email") {
		return u.operatorEditSave(w, r, id)
	}
	var p operator.Patch
	if role := operator.Role(r.PostFormValue("role")); role != "" {
		p.Role = &role
	}
	if a := r.PostFormValue("active"); a != "" {
		active := a == "true"
		p.Active = &active
	}
	done := "operator-saved"
	if pw := r.PostFormValue("password"); pw != "" {
		p.Password, done = &pw, "password-reset"
	}
	_, err = u.s.Operators.Update(r.Context(), me(r), id, p)
	if errors.Is(err, domain.ErrConflict) || errors.As(err, new(*domain.ValidationError)) {
		v := OperatorsView{SettingsBase: u.settingsBase(r, "operators"), New: operator.NewOperator{Role: operator.Agent}}
		v.Error = strings.TrimSuffix(err.Error(), ".") + "." // it may start with an email address
		return u.operatorsPage(w, r, http.StatusConflict, v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/operators?done="+done, http.StatusSeeOther)
	return nil
}
