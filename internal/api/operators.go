package api

import (
	"net/http"
	"strconv"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/operator"
)

func (a *API) me(w http.ResponseWriter, r *http.Request) error {
	return ok(w, actor(r))
}

func (a *API) listOperators(w http.ResponseWriter, r *http.Request) error {
	list, err := a.S.Operators.List(r.Context())
	if err != nil {
		return err
	}
	if list == nil {
		list = []operator.Operator{}
	}
	return ok(w, map[string]any{"items": list})
}

type operatorBody struct {
	Email    string        `json:"email"`
	Name     string        `json:"name"`
	Role     operator.Role `json:"role"`
	Password string        `json:"password"`
}

func (a *API) createOperator(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "create operators"); err != nil {
		return err
	}
	var in operatorBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	op, err := a.S.Operators.Create(r.Context(), operator.NewOperator(in))
	if err != nil {
		return err
	}
	return created(w, op)
}

type operatorPatch struct {
	Name            *string        `json:"name"`
	Role            *operator.Role `json:"role"`
	Active          *bool          `json:"active"`
	Password        *string        `json:"password"`
	CurrentPassword *string        `json:"current_password"`
}

// updateOperator changes an operator. Changing one's own password needs
// the current one; wrong guesses are limited per operator like sign-in.
// A new password ends every browser session of the operator; API tokens
// stay (revoke them with DELETE /tokens/{id}).
func (a *API) updateOperator(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in operatorPatch
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	key := strconv.FormatInt(id, 10)
	self := in.Password != nil && id == actor(r).ID
	if self && !a.passwordTries.Allow(r.Context(), key) {
		return httpx.NewError(http.StatusTooManyRequests, "rate_limited",
			"too many wrong current passwords; wait a few minutes, then try again")
	}
	op, err := a.S.Operators.Update(r.Context(), actor(r), id, operator.Patch{Name: in.Name, Role: in.Role,
		Active: in.Active, Password: in.Password, CurrentPassword: in.CurrentPassword})
	if self && !operator.WrongCurrentPassword(err) {
		a.passwordTries.Refund(r.Context(), key) // only wrong guesses count
	}
	if err != nil {
		return err
	}
	return ok(w, op)
}

func (a *API) listTokens(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	list, err := a.S.Operators.Tokens(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	if list == nil {
		list = []operator.Token{}
	}
	return ok(w, map[string]any{"items": list})
}

func (a *API) createToken(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in struct {
		Name string `json:"name"`
	}
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	secret, tok, err := a.S.Operators.CreateToken(r.Context(), actor(r), id, in.Name)
	if err != nil {
		return err
	}
	return created(w, map[string]any{"token": secret, "info": tok})
}

func (a *API) revokeToken(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := a.S.Operators.RevokeToken(r.Context(), actor(r), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
