package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/operator"
)

// TokensView lists one operator's API tokens; Secret is set only on the
// answer to creating one, the one time it is shown.
type TokensView struct {
	SettingsBase
	Owner  operator.Operator
	Own    bool
	Tokens []operator.Token
	Secret string
	Name   string
}

// Path is where this list lives: "My API tokens" or an admin's view.
func (v TokensView) Path() string {
	if v.Own {
		return "/settings/tokens"
	}
	return "/settings/operators/" + strconv.FormatInt(v.Owner.ID, 10) + "/tokens"
}

// tokenOwner is the operator whose tokens the URL names: the signed-in
// operator on /settings/tokens, else {id} (the route is admin-only).
func (u *UI) tokenOwner(r *http.Request) (operator.Operator, bool, error) {
	if r.PathValue("id") == "" {
		return me(r), true, nil
	}
	id, err := pathID(r, "id")
	if err != nil {
		return operator.Operator{}, false, err
	}
	o, err := u.s.Operators.Get(r.Context(), id)
	return o, o.ID == me(r).ID, err
}

func (u *UI) tokensPage(w http.ResponseWriter, r *http.Request, status int, v TokensView) error {
	ts, err := u.s.Operators.Tokens(r.Context(), me(r), v.Owner.ID)
	if err != nil {
		return err
	}
	v.Tokens = ts
	if v.Own {
		v.Tab = "tokens"
	}
	return u.render(w, r, status, "settings_tokens", "", v)
}

func (u *UI) settingsTokens(w http.ResponseWriter, r *http.Request) error {
	o, own, err := u.tokenOwner(r)
	if err != nil {
		return err
	}
	v := TokensView{SettingsBase: u.settingsBase(r, "operators"), Owner: o, Own: own}
	v.Flash = notice(r)
	return u.tokensPage(w, r, http.StatusOK, v)
}

// settingsTokenCreate makes a token and shows its secret, once.
func (u *UI) settingsTokenCreate(w http.ResponseWriter, r *http.Request) error {
	o, own, err := u.tokenOwner(r)
	if err != nil {
		return err
	}
	v := TokensView{SettingsBase: u.settingsBase(r, "operators"), Owner: o, Own: own, Name: r.PostFormValue("name")}
	secret, _, err := u.s.Operators.CreateToken(r.Context(), me(r), o.ID, v.Name)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool { return k == "name" })
		return u.tokensPage(w, r, http.StatusUnprocessableEntity, v)
	} else if err != nil {
		return err
	}
	v.Secret, v.Name = secret, ""
	return u.tokensPage(w, r, http.StatusCreated, v)
}

// settingsTokenRevoke revokes a token; the domain refuses an agent
// revoking someone else's.
func (u *UI) settingsTokenRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := u.s.Operators.RevokeToken(r.Context(), me(r), id); err != nil {
		return err
	}
	back := r.PostFormValue("back")
	if !strings.HasPrefix(back, "/settings/") || strings.HasPrefix(back, "//") {
		back = "/settings/tokens"
	}
	http.Redirect(w, r, back+"?done=token-revoked", http.StatusSeeOther)
	return nil
}
