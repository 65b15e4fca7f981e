package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// withSignatures adds the operator's signature per team to the account
// page; typed, when given, replaces the stored ones (a refused save).
func (u *UI) withSignatures(r *http.Request, v *AccountView, typed map[int64]string) error {
	sigs, err := u.s.Operators.Signatures(r.Context(), me(r).ID)
	if err != nil {
		return err
	}
	for i, s := range sigs {
		if b, ok := typed[s.TeamID]; ok {
			sigs[i].Body = b
		}
	}
	v.Signatures = sigs
	return nil
}

// accountSignatures saves the signed-in operator's signatures, one per
// team, posted as signature_<team id>.
func (u *UI) accountSignatures(w http.ResponseWriter, r *http.Request) error {
	typed := map[int64]string{}
	for k, vals := range r.PostForm {
		if id, err := strconv.ParseInt(strings.TrimPrefix(k, "signature_"), 10, 64); err == nil && strings.HasPrefix(k, "signature_") {
			typed[id] = vals[0]
		}
	}
	shown := map[int64]string{}
	for k, b := range typed {
		shown[k] = b
	}
	err := u.s.Operators.SetSignatures(r.Context(), me(r).ID, typed)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v := u.accountView(r)
		if err := u.withSignatures(r, &v, shown); err != nil {
			return err
		}
		listed := map[string]bool{}
		for _, s := range v.Signatures {
			listed["signature_"+strconv.FormatInt(s.TeamID, 10)] = true
		}
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool { return listed[k] })
		if v.Error != "" {
			v.Error = "You can only sign for the teams you are in; an admin adds you to a team."
		}
		return u.render(w, r, http.StatusUnprocessableEntity, "account", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/account?done=signatures-saved", http.StatusSeeOther)
	return nil
}

// SignatureError is the message of team id's signature field.
func (v AccountView) SignatureError(id int64) string {
	return v.Errors["signature_"+strconv.FormatInt(id, 10)]
}
